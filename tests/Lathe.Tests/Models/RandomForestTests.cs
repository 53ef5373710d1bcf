using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Models.Trees;
using Lathe.Training;

namespace Lathe.Tests.Models;

public class RandomForestTests
{
    /// <summary>Two noisy Gaussian classes in 5 dimensions (only the first two informative), 10 % of labels flipped.</summary>
    private static Table Noisy(int rows, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, 5).Select(_ => new float[rows]).ToArray();
        var labels = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            var positive = r % 2 == 0;
            for (var c = 0; c < 5; c++) x[c][r] = (float)((c < 2 && positive ? 1.5 : 0.0) + Gaussian(random));
            labels[r] = positive ^ (random.NextDouble() < 0.1) ? "yes" : "no";
        }
        return new Table([.. x.Select((v, c) => (Column)new NumericColumn($"x{c}", v)), CategoricalColumn.FromStrings("label", labels, ["no", "yes"])]);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void A_forest_beats_a_single_deep_tree_on_noisy_data_and_its_out_of_bag_score_estimates_the_test_score()
    {
        var data = new TrainingData(Noisy(600, 1), null, "label", TaskKind.Classification);
        var test = Noisy(600, 2);
        var history = new History();
        var forest = new RandomForestClassifier(new ForestOptions { Trees = 60 }).Fit(data, new FitContext(3, [history]));
        var tree = new DecisionTreeClassifier().Fit(data, new FitContext(3));
        var forestAccuracy = Scoring.Score(forest.Predict(test), test["label"])["accuracy"];
        var treeAccuracy = Scoring.Score(tree.Predict(test), test["label"])["accuracy"];
        Assert.True(forestAccuracy > treeAccuracy + 0.02, $"forest {forestAccuracy} vs tree {treeAccuracy}");
        var oob = history.Steps[0].Metrics["oob_accuracy"];
        Assert.True(Math.Abs(oob - forestAccuracy) < 0.05, $"oob {oob} vs test {forestAccuracy}");
        var importances = ((RandomForestModel)forest).FeatureImportances;
        Assert.True(importances["x0"] + importances["x1"] > 0.5, string.Join(", ", importances));
    }

    [Fact]
    public void The_same_seed_gives_the_same_forest_whatever_the_threads_and_it_round_trips()
    {
        var data = new TrainingData(Noisy(200, 1), null, "label", TaskKind.Classification);
        var test = Noisy(50, 2);
        var options = new ForestOptions { Trees = 20 };
        var a = (PipelineModel)new Pipeline(new RandomForestClassifier(options)).Fit(data, new FitContext(7));
        var b = new Pipeline(new RandomForestClassifier(options)).Fit(data, new FitContext(7));
        Assert.Equal(a.Predict(test).Probabilities, b.Predict(test).Probabilities);
        using var dir = new TempDirectory();
        ModelFolder.Save(a, dir.Path);
        var loaded = ModelFolder.Load(dir.Path, new ModelCatalog().Register(RandomForestEstimator.TypeName, RandomForestModel.Load));
        Assert.Equal(a.Predict(test).Probabilities, loaded.Predict(test).Probabilities);
    }

    [Fact]
    public void A_regression_forest_learns_a_smooth_function()
    {
        var random = new Random(4);
        var x = Enumerable.Range(0, 400).Select(_ => (float)(random.NextDouble() * 6)).ToArray();
        var y = x.Select(v => (float)Math.Sin(v)).ToArray();
        var table = new Table([new NumericColumn("x", x), new NumericColumn("y", y)]);
        var model = new RandomForestRegressor(new ForestOptions { Trees = 30 }).Fit(new TrainingData(table, null, "y", TaskKind.Regression), new FitContext(1));
        var tx = Enumerable.Range(0, 100).Select(i => i * 0.06f).ToArray();
        var test = new Table([new NumericColumn("x", tx), new NumericColumn("y", tx.Select(v => (float)Math.Sin(v)).ToArray())]);
        Assert.True(Scoring.Score(model.Predict(test), test["y"])["r2"] > 0.97);
    }
}
