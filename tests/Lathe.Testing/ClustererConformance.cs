using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Prep;
using Lathe.Training;

namespace Lathe.Testing;

/// <summary>
/// The checks every clusterer must pass (the clustering side of <see cref="EstimatorConformance"/>): it
/// recovers well-separated blobs, save → load predicts identically, the same seed gives the same model, gaps
/// without an imputer are a clear error and with one they are filled, a missing column at prediction time is
/// named, and a task other than clustering is refused. Derive a class per clusterer and give it a factory.
/// </summary>
public abstract class ClustererConformance
{
    /// <summary>A fresh clusterer set up for <see cref="Blobs"/> after standard scaling (three clusters).</summary>
    protected abstract IEstimator CreateClusterer();

    /// <summary>Registers the clusterer's model type for loading.</summary>
    protected abstract ModelCatalog Catalog { get; }

    /// <summary>
    /// Three Gaussian blobs (standard deviation 1) in 4-D whose centres are 6 apart in two or three
    /// coordinates, so every coordinate separates some pair; the blob of each row is in "blob" (ignored role).
    /// </summary>
    protected static Table Blobs(int rows, int seed)
    {
        double[][] centres = [[0, 0, 0, 0], [6, 0, 6, 0], [0, 6, 6, 6]];
        var random = new Random(seed);
        var x = Enumerable.Range(0, 4).Select(_ => new float[rows]).ToArray();
        var blobs = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            var k = r % 3;
            for (var c = 0; c < 4; c++) x[c][r] = (float)(centres[k][c] + Gaussian(random));
            blobs[r] = $"blob{k}";
        }
        return new Table([.. x.Select((v, c) => (Column)new NumericColumn($"x{c}", v)), CategoricalColumn.FromStrings("blob", blobs)])
            .WithRole("blob", ColumnRole.Ignore);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    protected static TrainingData Data(Table table) => new(table, null, "", TaskKind.Clustering);

    private IModel FitScaled(Table table, int seed) => new Pipeline([new StandardScaler()], CreateClusterer()).Fit(Data(table), new FitContext(seed));

    private static void AssertSame(Prediction expected, Prediction actual)
    {
        Assert.Equal(expected.Clusters, actual.Clusters);
        Assert.Equal(expected.Values, actual.Values);
        Assert.Equal(expected.Probabilities, actual.Probabilities);
    }

    [Fact]
    public void It_recovers_well_separated_blobs()
    {
        var train = Blobs(300, 1);
        var model = FitScaled(train, 1);
        Assert.Equal(TaskKind.Clustering, model.Task);
        foreach (var table in new[] { train, Blobs(150, 2) })
        {
            var prediction = model.Predict(table);
            Assert.Equal(TaskKind.Clustering, prediction.Task);
            var truth = ((CategoricalColumn)table["blob"]).Codes.ToArray();
            var ari = ClusteringMetrics.AdjustedRandIndex(truth, prediction.Clusters!);
            Assert.True(ari > 0.9, $"ARI {ari} against the blobs");
        }
    }

    [Fact]
    public void Save_then_load_predicts_identically()
    {
        var model = (PipelineModel)FitScaled(Blobs(150, 1), 1);
        var dir = Path.Combine(Path.GetTempPath(), "lathe-clusterer-conformance-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            ModelFolder.Save(model, dir);
            var test = Blobs(60, 3);
            AssertSame(model.Predict(test), ModelFolder.Load(dir, Catalog).Predict(test));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_model()
    {
        var train = Blobs(150, 1);
        var test = Blobs(60, 3);
        AssertSame(FitScaled(train, 7).Predict(test), FitScaled(train, 7).Predict(test));
    }

    [Fact]
    public void Gaps_without_an_imputer_are_a_clear_error_and_with_one_they_are_filled()
    {
        var table = Blobs(90, 1);
        var x0 = ((NumericColumn)table["x0"]).Values.ToArray();
        x0[5] = float.NaN;
        var gappy = table.With(new NumericColumn("x0", x0));
        var e = Assert.Throws<LatheException>(() => CreateClusterer().Fit(Data(gappy), new FitContext()));
        Assert.Contains("missing value in row 6", e.Message);
        var model = new Pipeline([new Imputer(), new StandardScaler()], CreateClusterer()).Fit(Data(gappy), new FitContext());
        Assert.Equal(90, model.Predict(gappy).RowCount);
    }

    [Fact]
    public void Predicting_without_a_trained_column_names_it()
    {
        var model = FitScaled(Blobs(90, 1), 1);
        var e = Assert.Throws<LatheException>(() => model.Predict(Blobs(10, 2).Without("x2")));
        Assert.Contains("column 'x2' is missing", e.Message);
    }

    [Fact]
    public void A_task_other_than_clustering_is_a_clear_error()
    {
        var data = new TrainingData(Blobs(30, 1).WithRole("blob", ColumnRole.Target), null, "blob", TaskKind.Classification);
        var e = Assert.Throws<LatheException>(() => CreateClusterer().Fit(data, new FitContext()));
        Assert.Contains("data.task: clustering", e.Message);
    }
}
