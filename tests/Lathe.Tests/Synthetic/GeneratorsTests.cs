using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Models.Linear;
using Lathe.Models.Neighbors;
using Lathe.Synthetic;
using Lathe.Training;

namespace Lathe.Tests.Synthetic;

public class GeneratorsTests
{
    [Fact]
    public void Classification_has_the_asked_shape_and_balanced_classes()
    {
        var table = Generators.Classification(new ClassificationOptions { Rows = 301, Features = 7, Informative = 3, Redundant = 2, Classes = 3, LabelNoise = 0 }, seed: 1);
        Assert.Equal(301, table.RowCount);
        Assert.Equal(["x0", "x1", "x2", "x3", "x4", "x5", "x6", "label"], table.ColumnNames);
        Assert.Equal(ColumnRole.Target, table.RoleOf("label"));
        var label = (CategoricalColumn)table["label"];
        Assert.Equal(["class0", "class1", "class2"], label.Categories);
        var counts = Enumerable.Range(0, 3).Select(c => label.Codes.ToArray().Count(k => k == c)).ToArray();
        Assert.Equal([101, 100, 100], counts);
    }

    [Fact]
    public void Class_weights_set_the_class_shares()
    {
        var table = Generators.Classification(new ClassificationOptions { Rows = 1000, Weights = [0.9, 0.1], LabelNoise = 0 }, seed: 2);
        var label = (CategoricalColumn)table["label"];
        Assert.Equal(100, label.Codes.ToArray().Count(c => c == 1));
        Assert.Throws<LatheException>(() => Generators.Classification(new ClassificationOptions { Weights = [1.0] }, 0));
    }

    [Fact]
    public void Redundant_features_are_linear_combinations_of_the_informative_ones()
    {
        var table = Generators.Classification(new ClassificationOptions { Rows = 200, Features = 5, Informative = 2, Redundant = 1 }, seed: 3);
        // x2 = a·x0 + b·x1 exactly: least squares on x0, x1 leaves no residual.
        var data = new TrainingData(table.Select(["x0", "x1", "x2"]), null, "x2", TaskKind.Regression);
        var model = new LinearRegressor().Fit(data, new FitContext());
        var r2 = RegressionMetrics.R2(((NumericColumn)table["x2"]).Values, model.Predict(table).Values);
        Assert.True(r2 > 0.99999, $"R² {r2}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_table_and_another_seed_another()
    {
        var options = new ClassificationOptions { Rows = 50 };
        var a = Generators.Classification(options, 7);
        var b = Generators.Classification(options, 7);
        var c = Generators.Classification(options, 8);
        Assert.Equal(Csv(a), Csv(b));
        Assert.NotEqual(Csv(a), Csv(c));
        Assert.Equal(Csv(Generators.Moons(new(), 2)), Csv(Generators.Moons(new(), 2)));
        Assert.Equal(Csv(Generators.Blobs(new(), 2)), Csv(Generators.Blobs(new(), 2)));
        Assert.Equal(Csv(Generators.Regression(new(), 2)), Csv(Generators.Regression(new(), 2)));
    }

    [Fact]
    public void A_linear_model_fits_noise_free_regression_data_exactly()
    {
        var table = Generators.Regression(new RegressionOptions { Rows = 200, Features = 6, Informative = 4, Bias = 3 }, seed: 5, out var coefficients);
        Assert.Equal(7, table.Columns.Count);
        Assert.All(coefficients[4..], w => Assert.Equal(0, w));
        var model = new LinearRegressor().Fit(new TrainingData(table, null, "target", TaskKind.Regression), new FitContext());
        var r2 = RegressionMetrics.R2(((NumericColumn)table["target"]).Values, model.Predict(table).Values);
        Assert.True(r2 > 0.9999, $"R² {r2}");

        var noisy = Generators.Regression(new RegressionOptions { Rows = 200, Features = 6, Informative = 4, Noise = 100 }, seed: 5);
        var noisyModel = new LinearRegressor().Fit(new TrainingData(noisy, null, "target", TaskKind.Regression), new FitContext());
        Assert.True(RegressionMetrics.R2(((NumericColumn)noisy["target"]).Values, noisyModel.Predict(noisy).Values) < 0.9);
    }

    [Fact]
    public void Blobs_lie_around_their_centres()
    {
        var table = Generators.Blobs(new BlobsOptions { Rows = 300, Centers = 3, Spread = 0.5 }, seed: 4);
        var label = (CategoricalColumn)table["label"];
        var x0 = ((NumericColumn)table["x0"]).Values.ToArray();
        for (var k = 0; k < 3; k++)
        {
            var values = x0.Where((_, r) => label[r] == k).ToArray();
            Assert.Equal(100, values.Length);
            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            Assert.InRange(sd, 0.4, 0.6);
        }
    }

    [Fact]
    public void Moons_are_not_linearly_separable_but_nearest_neighbours_separate_them()
    {
        var train = Generators.Moons(new MoonsOptions { Rows = 400, Noise = 0.1 }, seed: 1);
        var test = Generators.Moons(new MoonsOptions { Rows = 400, Noise = 0.1 }, seed: 2);
        double AccuracyOf(IEstimator estimator)
        {
            var model = estimator.Fit(new TrainingData(train, null, "label", TaskKind.Classification), new FitContext());
            return ClassificationMetrics.Accuracy(((CategoricalColumn)test["label"]).Codes, model.Predict(test).ClassIndices);
        }
        var linear = AccuracyOf(new LogisticRegression());
        var neighbours = AccuracyOf(new KNeighborsClassifier());
        Assert.InRange(linear, 0.7, 0.93);
        Assert.True(neighbours > 0.98, $"k-NN accuracy {neighbours}");
    }

    [Fact]
    public void Default_options_work_for_any_class_count_and_width()
    {
        var table = Generators.Classification(new ClassificationOptions { Rows = 80, Features = 3, Classes = 4 }, seed: 1);
        Assert.Equal(4, table.Columns.Count);
        Assert.Equal(4, ((CategoricalColumn)table["label"]).Categories.Count);
        Assert.Equal(6, Generators.Regression(new RegressionOptions { Features = 5 }, 1).Columns.Count);
    }

    [Fact]
    public void Impossible_settings_are_refused_with_the_field_named()
    {
        var e = Assert.Throws<LatheException>(() => Generators.Classification(new ClassificationOptions { Informative = 1, Classes = 3, ClustersPerClass = 1 }, 0));
        Assert.Contains("2^informative", e.Message);
        e = Assert.Throws<LatheException>(() => Generators.Regression(new RegressionOptions { Features = 3, Informative = 4 }, 0));
        Assert.Contains("informative", e.Message);
    }

    internal static string Csv(Table table) =>
        string.Join("\n", Enumerable.Range(0, table.RowCount).Select(r => string.Join(",", table.Columns.Select(c => c.Format(r)))));
}
