using Lathe.Metrics;
using Lathe.Models.Clustering;
using Lathe.Training;
using static Lathe.Tests.Models.Clustering.SyntheticClusters;

namespace Lathe.Tests.Models.Clustering;

public class KMeansTests
{
    private static readonly double[][] Centres = [[0, 0], [10, 0], [0, 10]];

    [Fact]
    public void It_finds_the_centres_of_three_obvious_blobs()
    {
        var (columns, groups) = Blobs(300, 1, 0.5, Centres);
        var table = TableOf(columns);
        var model = (KMeansModel)new KMeans(new KMeansOptions { Clusters = 3 }).Fit(Fitting(table), new FitContext(1));
        Assert.Equal(3, model.ClusterCount);
        foreach (var centre in Centres)
        {
            var nearest = model.Centers.MinBy(c => Math.Pow(c[0] - centre[0], 2) + Math.Pow(c[1] - centre[1], 2))!;
            Assert.InRange(nearest[0], centre[0] - 0.15, centre[0] + 0.15);
            Assert.InRange(nearest[1], centre[1] - 0.15, centre[1] + 0.15);
        }
        var prediction = model.Predict(table);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex(groups, prediction.Clusters!), 12);
        Assert.Null(prediction.Probabilities);
        Assert.Equal(["0", "1", "2"], prediction.Classes);
        // The scores are the distances to the centres, whose squares add up to the inertia.
        Assert.Equal(model.Inertia, prediction.Values!.Sum(d => (double)d * d), model.Inertia * 1e-4);
    }

    [Fact]
    public void Inertia_never_increases_across_Lloyd_iterations_and_is_reported_as_losses()
    {
        // Five overlapping blobs and one start: Lloyd needs many iterations.
        var (columns, _) = Blobs(1000, 2, 1.5, [0, 0], [3, 0], [0, 3], [3, 3], [1.5, 1.5]);
        var (validation, _) = Blobs(200, 3, 1.5, [0, 0], [3, 0], [0, 3], [3, 3], [1.5, 1.5]);
        var history = new History();
        var model = (KMeansModel)new KMeans(new KMeansOptions { Clusters = 5, Inits = 1, Tol = 0 })
            .Fit(Fitting(TableOf(columns), TableOf(validation)), new FitContext(4, [history]));
        var inertia = history.Series("inertia");
        Assert.True(inertia.Count >= 3, $"{inertia.Count} iterations");
        Assert.Equal(model.Iterations, inertia.Count);
        for (var i = 1; i < inertia.Count; i++)
            Assert.True(inertia[i].Value <= inertia[i - 1].Value * (1 + 1e-6), $"inertia rose from {inertia[i - 1].Value} to {inertia[i].Value} at step {i + 1}");
        Assert.True(model.Inertia <= inertia[^1].Value * (1 + 1e-6));
        var train = history.Series("train_loss");
        Assert.Equal(inertia[0].Value / 1000, train[0].Value, 9);
        Assert.Equal(inertia.Count, history.Series("val_loss").Count);
    }

    [Fact]
    public void More_starts_never_give_a_worse_inertia_than_their_first()
    {
        var (columns, _) = Blobs(600, 5, 1.5, [0, 0], [3, 0], [0, 3], [3, 3], [1.5, 1.5]);
        var data = Fitting(TableOf(columns));
        // The seeds of the starts are drawn in turn from the fit's seed, so the single start is the first of the eight.
        var many = (KMeansModel)new KMeans(new KMeansOptions { Clusters = 5, Inits = 8 }).Fit(data, new FitContext(9));
        var first = (KMeansModel)new KMeans(new KMeansOptions { Clusters = 5, Inits = 1 }).Fit(data, new FitContext(9));
        Assert.True(many.Inertia <= first.Inertia + 1e-6, $"{many.Inertia} > {first.Inertia}");
    }

    [Fact]
    public void Empty_clusters_are_refilled_deterministically()
    {
        // Three distinct points, repeated, and four clusters: one centre is bound to lose its rows.
        float[] x = [.. Enumerable.Range(0, 30).Select(i => (float)(i % 3) * 5)];
        float[] y = [.. Enumerable.Range(0, 30).Select(i => i % 3 == 2 ? 4f : 0f)];
        var data = Fitting(TableOf([x, y]));
        var a = (KMeansModel)new KMeans(new KMeansOptions { Clusters = 4 }).Fit(data, new FitContext(3));
        var b = (KMeansModel)new KMeans(new KMeansOptions { Clusters = 4 }).Fit(data, new FitContext(3));
        Assert.All(a.Centers, c => Assert.All(c, v => Assert.True(float.IsFinite(v))));
        Assert.Equal(a.Centers, b.Centers);
        Assert.Equal(0, a.Inertia, 4); // float32 rounding of the squared-norm trick
    }

    [Fact]
    public void More_clusters_than_rows_is_a_clear_error()
    {
        var data = Fitting(TableOf([[1f, 2f, 3f]]));
        var e = Assert.Throws<LatheException>(() => new KMeans(new KMeansOptions { Clusters = 4 }).Fit(data, new FitContext()));
        Assert.Contains("model.clusters (4) is more than the 3 training rows", e.Message);
    }

    [Fact]
    public void Options_are_validated_by_field()
    {
        Assert.Contains("model.clusters", Assert.Throws<LatheException>(() => new KMeans(new KMeansOptions { Clusters = 0 })).Message);
        Assert.Contains("model.inits", Assert.Throws<LatheException>(() => new KMeans(new KMeansOptions { Inits = 0 })).Message);
        Assert.Contains("model.max_iter", Assert.Throws<LatheException>(() => new KMeans(new KMeansOptions { MaxIter = 0 })).Message);
        Assert.Contains("model.tol", Assert.Throws<LatheException>(() => new KMeans(new KMeansOptions { Tol = -1 })).Message);
    }

    [Fact]
    public void A_larger_data_set_splits_rows_across_threads_with_the_same_result()
    {
        // 20,000 rows make many chunks; two fits must agree exactly whatever the scheduling.
        var (columns, groups) = Blobs(20_000, 6, 1.0, [0, 0, 0], [4, 0, 0], [0, 4, 0], [0, 0, 4]);
        var data = Fitting(TableOf(columns));
        var options = new KMeansOptions { Clusters = 4, Inits = 1 };
        var a = (KMeansModel)new KMeans(options).Fit(data, new FitContext(5));
        var b = (KMeansModel)new KMeans(options).Fit(data, new FitContext(5));
        Assert.Equal(a.Centers, b.Centers);
        Assert.Equal(a.Inertia, b.Inertia);
        Assert.True(ClusteringMetrics.AdjustedRandIndex(groups, a.Predict(TableOf(columns)).Clusters!) > 0.9);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(13)]
    [InlineData(21)]
    public void Rows_go_to_the_nearest_centre_whatever_the_width(int width)
    {
        // Widths below, between and above SIMD vector lengths, and an odd row count, exercise every kernel path.
        var random = new Random(width);
        double[][] means = [.. Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, width).Select(_ => random.NextDouble() * 6).ToArray())];
        var (columns, _) = Blobs(501, width, 1.0, means);
        var table = TableOf(columns);
        var model = (KMeansModel)new KMeans(new KMeansOptions { Clusters = 6, Inits = 2 }).Fit(Fitting(table), new FitContext(2));
        var prediction = model.Predict(table);
        var x = Matrix(columns);
        double inertia = 0;
        for (var r = 0; r < 501; r++)
        {
            var squared = model.Centers.Select(c => Enumerable.Range(0, width).Sum(j => Math.Pow(x[r * width + j] - c[j], 2))).ToArray();
            var nearest = Array.IndexOf(squared, squared.Min());
            Assert.True(squared[prediction.Clusters![r]] <= squared[nearest] * (1 + 1e-5) + 1e-6, $"row {r} went to {prediction.Clusters[r]}, nearest is {nearest}");
            Assert.Equal(Math.Sqrt(squared.Min()), prediction.Values![r], 3);
            inertia += squared.Min();
        }
        Assert.Equal(inertia, model.Inertia, inertia * 1e-4);
    }
}
