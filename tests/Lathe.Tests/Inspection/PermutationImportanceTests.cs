using Lathe.Data;
using Lathe.Inspection;
using Lathe.Models;
using Lathe.Models.Linear;
using Lathe.Models.Trees;
using Lathe.Training;

namespace Lathe.Tests.Inspection;

public class PermutationImportanceTests
{
    /// <summary>The class is decided by `signal` alone; `noise` is unrelated to it; `copy` is a category that repeats the class half the time.</summary>
    private static Table Rows(int count, int seed)
    {
        var random = new Random(seed);
        var (signal, noise, labels) = (new float[count], new float[count], new string?[count]);
        for (var i = 0; i < count; i++)
        {
            signal[i] = (float)(random.NextDouble() * 2 - 1);
            noise[i] = (float)random.NextDouble();
            labels[i] = signal[i] > 0 ? "up" : "down";
        }
        return new Table([new NumericColumn("signal", signal), new NumericColumn("noise", noise), CategoricalColumn.FromStrings("label", labels)]);
    }

    [Fact]
    public void The_column_that_decides_the_class_matters_and_the_unrelated_one_does_not()
    {
        var model = (PipelineModel)new Pipeline(new DecisionTreeClassifier(new TreeOptions { MaxDepth = 3 }))
            .Fit(new TrainingData(Rows(300, 1), null, "label", TaskKind.Classification), new FitContext(1));
        var result = PermutationImportance.Compute(model, Rows(200, 2), "label", repeats: 5, seed: 3);

        Assert.Equal("accuracy", result.Metric);
        Assert.True(result.Baseline > 0.95, $"baseline {result.Baseline}");
        Assert.Equal(["signal", "noise"], result.Columns.Select(c => c.Column));
        // Shuffling the deciding column leaves a coin flip: the score falls by about half.
        Assert.InRange(result.Columns[0].Mean, 0.35, 0.6);
        Assert.True(result.Columns[0].Spread > 0);
        Assert.Equal(0, result.Columns[1].Mean, 3);
    }

    [Fact]
    public void A_regressor_is_measured_in_r2_and_the_same_seed_gives_the_same_numbers()
    {
        var random = new Random(5);
        Table Linear(int n)
        {
            var (a, b, y) = (new float[n], new float[n], new float[n]);
            for (var i = 0; i < n; i++)
            {
                a[i] = (float)random.NextDouble();
                b[i] = (float)random.NextDouble();
                y[i] = 3 * a[i] + 0.3f * b[i];
            }
            return new Table([new NumericColumn("a", a), new NumericColumn("b", b), new NumericColumn("y", y)]);
        }
        var model = (PipelineModel)new Pipeline(new LinearRegressor(new LinearOptions()))
            .Fit(new TrainingData(Linear(100), null, "y", TaskKind.Regression), new FitContext());
        var test = Linear(100);
        var first = PermutationImportance.Compute(model, test, "y", repeats: 3, seed: 9);
        var again = PermutationImportance.Compute(model, test, "y", repeats: 3, seed: 9);

        Assert.Equal("r2", first.Metric);
        Assert.Equal(1, first.Baseline, 6);
        Assert.Equal(["a", "b"], first.Columns.Select(c => c.Column));
        // Shuffling a column of weight w and variance v adds 2·w²·v of error against a target variance ≈ (9 + 0.09)·v.
        Assert.InRange(first.Columns[0].Mean, 1.6, 2.4);
        Assert.InRange(first.Columns[1].Mean, 0.005, 0.04);
        Assert.Equal(first.Columns, again.Columns);
    }

    [Fact]
    public void A_clusterer_is_refused_with_a_reason()
    {
        var table = Rows(50, 1).Without("label");
        var model = (PipelineModel)new Pipeline(new Lathe.Models.Clustering.KMeans(new Lathe.Models.Clustering.KMeansOptions { Clusters = 2 }))
            .Fit(new TrainingData(table, null, "", TaskKind.Clustering), new FitContext());
        var error = Assert.Throws<LatheException>(() => PermutationImportance.Compute(model, table, "label"));
        Assert.Contains("clustering", error.Message);
    }
}
