using Lathe.Cleaning;
using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Models.Linear;
using Lathe.Prep;
using Lathe.Splits;
using Lathe.Training;

namespace Lathe.Tests.Cleaning;

/// <summary>The C# example of docs/data.md, run on a generated file: clean, split by group, prepare, fit, predict new data.</summary>
public class CSharpCleaningExampleTests
{
    [Fact]
    public void The_documented_cleaning_split_and_preparation_flow_runs_and_learns()
    {
        using var dir = new TempDirectory();
        var random = new Random(8);
        string[] cities = ["rome", "oslo", "lima"];
        var lines = new List<string> { "user,size,city,price" };
        for (var i = 0; i < 300; i++)
        {
            var size = 50 + random.Next(100);
            var city = cities[random.Next(3)];
            lines.Add($"u{random.Next(40)},{(i % 31 == 0 ? "inf" : size.ToString())},{city},{2 * size + (city == "rome" ? 60 : 0) + random.Next(5)}");
        }
        lines.Add(lines[10]);
        var path = dir.File("houses.csv", string.Join("\n", lines) + "\n");

        // --- the example, as in docs/data.md ---
        var log = new CsvReadLog(keepInvalidCells: true);
        var table = CsvReader.Read(path, new CsvReadOptions { Log = log });
        var cleaning = new CleaningOptions { Duplicates = DuplicatePolicy.Drop, Invalid = InvalidPolicy.Drop, Outliers = OutlierPolicy.IqrClip };
        var cleaned = RowCleaner.Clean(table, cleaning, new RowOrigin("houses.csv", log.RowLines, log.InvalidCells), target: "price");
        foreach (var row in cleaned.Dropped) Console.WriteLine($"{row.File}:{row.Line}: {row.Reason}");

        table = cleaned.Table.WithRole("user", ColumnRole.Group).WithRole("price", ColumnRole.Target);
        var split = Splitter.Group(table["user"], validation: 0.15, test: 0.15, seed: 42);
        var data = new TrainingData(split.TrainOf(table), split.ValidationOf(table), "price", TaskKind.Regression);
        var pipeline = new Pipeline(
            [.. cleaning.TrainingSteps(), new TargetEncoder(new TargetEncoderOptions { Columns = ["city"], Seed = 42 }), new RobustScaler()],
            new LinearRegressor());
        var model = (PipelineModel)pipeline.Fit(data, new FitContext(seed: 42));
        var test = split.TestOf(table)!;
        var scores = Scoring.Score(model.Predict(test), test["price"]);
        Console.WriteLine($"test r2 {scores["r2"]:F3}, split fingerprint {SplitFingerprint.Of(split.Test)[..12]}");
        // --- end of the example ---

        Assert.Equal(["duplicate of line 11"], cleaned.Dropped.Where(d => d.Kind == DropKind.Duplicate).Select(d => d.Reason));
        Assert.Equal(10, cleaned.Dropped.Count(d => d.Kind == DropKind.Invalid)); // rows 0, 31, ..., 279
        Assert.True(scores["r2"] > 0.95, $"r2 {scores["r2"]}");
        Assert.Equal(["outlier_clipper", "imputer", "target_encoder", "robust_scaler"], model.Transforms.Select(t => t.Type));
        var fresh = new Table([new NumericColumn("size", [100]), CategoricalColumn.FromStrings("city", ["tokyo"])]);
        Assert.True(float.IsFinite(model.Predict(fresh).Values![0]));
    }
}
