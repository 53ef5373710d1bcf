using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Models.Trees;
using Lathe.Training;

namespace Lathe.Tests.Models;

public class DecisionTreeTests
{
    /// <summary>Points in the unit square; the class says whether both x0 > 0.5 and x1 > 0.3 (an interaction of two features); "noise" is noise.</summary>
    private static Table Corner(int rows, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, 3).Select(_ => new float[rows]).ToArray();
        var labels = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < 3; c++) x[c][r] = (float)random.NextDouble();
            labels[r] = x[0][r] > 0.5 && x[1][r] > 0.3 ? "inside" : "outside";
        }
        return new Table([new NumericColumn("x0", x[0]), new NumericColumn("x1", x[1]), new NumericColumn("noise", x[2]),
            CategoricalColumn.FromStrings("label", labels, ["inside", "outside"])]);
    }

    private static TrainingData Classification(Table table) => new(table, null, "label", TaskKind.Classification);

    [Fact]
    public void A_tree_learns_an_interaction_and_ranks_the_real_features_first()
    {
        var model = (DecisionTreeModel)new DecisionTreeClassifier(new TreeOptions { MaxDepth = 4, MinSamplesLeaf = 3 })
            .Fit(Classification(Corner(400, 1)), new FitContext());
        var test = Corner(200, 2);
        var accuracy = Scoring.Score(model.Predict(test), test["label"])["accuracy"];
        var importances = model.FeatureImportances;
        Assert.True(accuracy > 0.95, $"accuracy {accuracy}; importances {string.Join(", ", importances)}\n{model.Rules}");
        Assert.Equal(1.0, importances.Values.Sum(), 9);
        Assert.True(importances["noise"] < 0.1 && importances["x0"] > 0.3 && importances["x1"] > 0.3, string.Join(", ", importances));
    }

    [Fact]
    public void A_single_split_uses_the_midpoint_threshold_and_prints_as_rules()
    {
        var table = new Table([new NumericColumn("size", [1, 2, 3, 10, 11, 12]), CategoricalColumn.FromStrings("label", ["s", "s", "s", "b", "b", "b"], ["b", "s"])]);
        var model = (DecisionTreeModel)new DecisionTreeClassifier().Fit(Classification(table), new FitContext());
        Assert.Equal(3, model.Tree.NodeCount);
        Assert.Equal(6.5f, model.Tree.Threshold[0]);
        Assert.Equal("if size <= 6.5\n  predict s (100%)\nelse\n  predict b (100%)\n", model.Rules.Replace("\r", ""));
    }

    [Fact]
    public void Max_depth_and_min_samples_leaf_limit_the_tree()
    {
        var data = Classification(Corner(300, 1));
        var stump = (DecisionTreeModel)new DecisionTreeClassifier(new TreeOptions { MaxDepth = 1 }).Fit(data, new FitContext());
        Assert.Equal(1, stump.Tree.Depth);
        var coarse = (DecisionTreeModel)new DecisionTreeClassifier(new TreeOptions { MinSamplesLeaf = 50 }).Fit(data, new FitContext());
        var leaves = Enumerable.Range(0, coarse.Tree.NodeCount).Where(n => coarse.Tree.Feature[n] < 0).ToArray();
        var x = FeatureMatrix.Build(data.Train, data.FeatureNames, out var width);
        var counts = Enumerable.Range(0, data.Train.RowCount).GroupBy(r => coarse.Tree.LeafOf(x.AsSpan(r * width, width))).Select(g => g.Count());
        Assert.All(counts, c => Assert.True(c >= 50));
    }

    [Fact]
    public void A_regression_tree_fits_a_step_function()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 200).Select(_ => (float)random.NextDouble()).ToArray();
        var y = x.Select(v => v > 0.3f ? 3f : -1f).ToArray();
        var table = new Table([new NumericColumn("x", x), new NumericColumn("y", y)]);
        var model = new DecisionTreeRegressor().Fit(new TrainingData(table, null, "y", TaskKind.Regression), new FitContext());
        Assert.True(Scoring.Score(model.Predict(table), table["y"])["r2"] > 0.999);
    }

    [Fact]
    public void Saved_trees_predict_the_same_and_random_feature_subsets_follow_the_seed()
    {
        var data = Classification(Corner(300, 1));
        var options = new TreeOptions { MaxFeatures = 1, MaxDepth = 6 };
        var model = (PipelineModel)new Pipeline(new DecisionTreeClassifier(options)).Fit(data, new FitContext(seed: 5));
        using var dir = new TempDirectory();
        ModelFolder.Save(model, dir.Path);
        var loaded = ModelFolder.Load(dir.Path, new ModelCatalog().Register(DecisionTreeEstimator.TypeName, DecisionTreeModel.Load));
        var test = Corner(100, 9);
        Assert.Equal(model.Predict(test).Probabilities, loaded.Predict(test).Probabilities);
        Assert.Equal(model.Predict(test).Probabilities,
            new Pipeline(new DecisionTreeClassifier(options)).Fit(data, new FitContext(seed: 5)).Predict(test).Probabilities);
    }

    [Fact]
    public void Bad_input_and_settings_are_clear_errors()
    {
        var gaps = new Table([new NumericColumn("x", [1, float.NaN, 3]), CategoricalColumn.FromStrings("label", ["a", "b", "a"])]);
        Assert.Contains("missing value in row 2", Assert.Throws<LatheException>(() => new DecisionTreeClassifier().Fit(Classification(gaps), new FitContext())).Message);
        var single = new Table([new NumericColumn("x", [1, 2, 3]), CategoricalColumn.FromStrings("label", ["a", "a", "a"], ["a", "b"])]);
        Assert.Contains("single class", Assert.Throws<LatheException>(() => new DecisionTreeClassifier().Fit(Classification(single), new FitContext())).Message);
        Assert.Contains("model.max_depth", Assert.Throws<LatheException>(() => new DecisionTreeClassifier(new TreeOptions { MaxDepth = 0 })).Message);
        Assert.Contains("does not fit", Assert.Throws<LatheException>(() =>
            new DecisionTreeClassifier(new TreeOptions { Criterion = "mse" }).Fit(Classification(Corner(20, 1)), new FitContext())).Message);
    }
}
