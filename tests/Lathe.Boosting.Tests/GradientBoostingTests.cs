using Lathe.Boosting;
using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Training;

namespace Lathe.Boosting.Tests;

public class GradientBoostingTests
{
    /// <summary>y = sin(2·x0) + x1² with a little noise; x2 is noise only.</summary>
    private static Table Curve(int rows, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, 3).Select(_ => new float[rows]).ToArray();
        var y = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < 3; c++) x[c][r] = (float)(random.NextDouble() * 4 - 2);
            y[r] = (float)(Math.Sin(2 * x[0][r]) + x[1][r] * x[1][r] + 0.05 * (random.NextDouble() - 0.5));
        }
        return new Table([new NumericColumn("x0", x[0]), new NumericColumn("x1", x[1]), new NumericColumn("x2", x[2]), new NumericColumn("y", y)]);
    }

    /// <summary>Two classes split by a circle: a boundary no single split draws.</summary>
    private static Table Circle(int rows, int seed)
    {
        var random = new Random(seed);
        var a = new float[rows];
        var b = new float[rows];
        var label = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            a[r] = (float)(random.NextDouble() * 2 - 1);
            b[r] = (float)(random.NextDouble() * 2 - 1);
            label[r] = a[r] * a[r] + b[r] * b[r] < 0.5 ? "inside" : "outside";
        }
        return new Table([new NumericColumn("a", a), new NumericColumn("b", b), CategoricalColumn.FromStrings("label", label, ["inside", "outside"])]);
    }

    [Fact]
    public void Regression_learns_a_nonlinear_function_and_credits_the_informative_features()
    {
        var model = (GradientBoostingModel)new GradientBoostingRegressor()
            .Fit(new TrainingData(Curve(2000, 1), null, "y", TaskKind.Regression), new FitContext(1));
        var test = Curve(500, 2);
        var r2 = Scoring.Score(model.Predict(test), test["y"])["r2"];
        Assert.True(r2 > 0.97, $"r2 {r2}");
        Assert.True(model.FeatureImportances["x2"] < 0.05, $"noise feature importance {model.FeatureImportances["x2"]}");
        Assert.Equal(1.0, model.FeatureImportances.Values.Sum(), 6);
    }

    [Fact]
    public void Binary_classification_draws_a_curved_boundary_with_calibrated_probabilities()
    {
        var model = new GradientBoostingClassifier().Fit(new TrainingData(Circle(2000, 1), null, "label", TaskKind.Classification), new FitContext(1));
        var test = Circle(500, 2);
        var prediction = model.Predict(test);
        var scores = Scoring.Score(prediction, test["label"]);
        Assert.True(scores["accuracy"] > 0.95, $"accuracy {scores["accuracy"]}");
        for (var r = 0; r < test.RowCount; r++) Assert.Equal(1f, prediction.Probability(r, 0) + prediction.Probability(r, 1), 5);
    }

    [Fact]
    public void Every_round_is_reported_and_the_training_loss_falls()
    {
        var history = new History();
        new GradientBoostingRegressor(new GradientBoostingOptions { Rounds = 25 })
            .Fit(new TrainingData(Curve(500, 1), Curve(200, 2), "y", TaskKind.Regression), new FitContext(1, [history]));
        Assert.Equal(Enumerable.Range(1, 25), history.Steps.Select(s => s.Step));
        var losses = history.Steps.Select(s => s.Metrics["train_loss"]).ToArray();
        Assert.All(losses.Zip(losses.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1e-12));
        Assert.True(history.Steps[^1].Metrics.ContainsKey("val_loss"));
    }

    [Fact]
    public void Early_stopping_ends_the_rounds_and_keeps_the_best_round()
    {
        // A tiny noisy training set and a high learning rate: validation loss turns up after a few rounds.
        var train = Curve(60, 1);
        var noisy = train.With(new NumericColumn("y", [.. ((NumericColumn)train["y"]).Values.ToArray().Select((v, i) => v + (i % 2 == 0 ? 1.5f : -1.5f))]));
        var stopping = new EarlyStopping("val_loss", patience: 5);
        var model = (GradientBoostingModel)new GradientBoostingRegressor(new GradientBoostingOptions { Rounds = 300, LearningRate = 0.5, MinSamplesLeaf = 2 })
            .Fit(new TrainingData(noisy, Curve(300, 2), "y", TaskKind.Regression), new FitContext(1, [stopping]));
        Assert.NotNull(stopping.StoppedAt);
        Assert.True(stopping.StoppedAt < 300);
        Assert.Equal(stopping.BestStep, model.Rounds);
    }

    [Fact]
    public void The_saved_trees_are_lightgbm_model_text()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lathe-gbdt-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var model = (PipelineModel)new Pipeline(new GradientBoostingRegressor(new GradientBoostingOptions { Rounds = 5 }))
                .Fit(new TrainingData(Curve(200, 1), null, "y", TaskKind.Regression), new FitContext(1));
            ModelFolder.Save(model, dir);
            var text = File.ReadAllText(Path.Combine(dir, GradientBoostingModel.ModelFile));
            Assert.StartsWith("tree", text);
            Assert.Contains("Tree=4", text);
            Assert.DoesNotContain("Tree=5", text);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Bad_options_name_the_config_key()
    {
        var e = Assert.Throws<LatheException>(() => new GradientBoostingClassifier(new GradientBoostingOptions { Leaves = 1 }));
        Assert.Contains("model.leaves", e.Message);
        e = Assert.Throws<LatheException>(() => new GradientBoostingRegressor().Fit(new TrainingData(Circle(50, 1), null, "label", TaskKind.Classification), new FitContext()));
        Assert.Contains("regression", e.Message);
    }
}
