using Lathe.Cleaning;
using Lathe.Data;
using Lathe.Models;
using Lathe.Prep;
using Lathe.Tests.Models;
using Lathe.Training;

namespace Lathe.Tests.Prep;

/// <summary>Every fitted statistic comes from the training rows alone: validation and test rows cannot move it.</summary>
public class LeakageTests
{
    private static Table Rows(int count, int seed, float scale, string[] cities)
    {
        var random = new Random(seed);
        var x = new float[count];
        var city = new string?[count];
        var label = new string?[count];
        for (var i = 0; i < count; i++)
        {
            x[i] = i % 7 == 0 ? float.NaN : scale * (float)random.NextDouble();
            city[i] = cities[random.Next(cities.Length)];
            label[i] = random.Next(2) == 0 ? "yes" : "no";
        }
        return new Table([new NumericColumn("x", x), CategoricalColumn.FromStrings("city", city), CategoricalColumn.FromStrings("label", label)]);
    }

    private static Table Encoded(Table table) =>
        table.With(TargetEncoding.Encode(table["label"], TaskKind.Classification, "test", ["no", "yes"])).WithRole("label", ColumnRole.Target);

    /// <summary>Every cleaning and preparation step that learns a statistic.</summary>
    private static Pipeline NewPipeline() => new(
    [
        .. new CleaningOptions { Outliers = OutlierPolicy.IqrClip, Missing = MissingPolicy.Indicator }.TrainingSteps(),
        new TargetEncoder(new TargetEncoderOptions { Seed = 3 }), new RobustScaler(), new MinMaxScaler(), new StandardScaler(),
    ], new NearestCentroid());

    private static string FittedState(Table train, Table? validation)
    {
        var model = (PipelineModel)NewPipeline().Fit(new TrainingData(train, validation, "label", TaskKind.Classification), new FitContext(1));
        return string.Join("\n", model.Transforms.Select(t => t.ToJson().ToJsonString()));
    }

    [Fact]
    public void Validation_and_test_rows_with_extreme_values_and_new_categories_do_not_move_any_fitted_statistic()
    {
        var train = Encoded(Rows(120, 1, 10, ["rome", "oslo", "lima"]));
        var extreme = Encoded(Rows(60, 2, 1_000_000, ["tokyo", "rome"]));
        var alone = FittedState(train, null);
        Assert.Equal(alone, FittedState(train, extreme));

        // The same extreme rows in the training part do move the statistics: the comparison can fail.
        var together = Encoded(new Table([.. train.Columns.Select(c => Concat(c, extreme[c.Name]))]));
        Assert.NotEqual(alone, FittedState(together, null));
    }

    private static Column Concat(Column a, Column b) => a switch
    {
        NumericColumn n => new NumericColumn(n.Name, [.. n.Values.ToArray(), .. ((NumericColumn)b).Values.ToArray()]),
        _ => CategoricalColumn.FromStrings(a.Name, [.. Enumerable.Range(0, a.Length).Select(a.Format), .. Enumerable.Range(0, b.Length).Select(b.Format)]),
    };
}
