using Lathe.Metrics;
using Lathe.Models.Clustering;
using Lathe.Training;
using static Lathe.Tests.Models.Clustering.SyntheticClusters;

namespace Lathe.Tests.Models.Clustering;

public class DbscanTests
{
    private static DbscanModel Fit(float[][] columns, double eps, int minSamples, FitContext? context = null) =>
        (DbscanModel)new Dbscan(new DbscanOptions { Eps = eps, MinSamples = minSamples }).Fit(Fitting(TableOf(columns)), context ?? new FitContext());

    [Fact]
    public void Two_moons_are_separated_and_scattered_points_are_noise()
    {
        var (moons, groups) = Moons(300, 1, 0.05);
        // Points far from both moons (the moons span about −1..2 × −0.5..1).
        (float X, float Y)[] outliers = [(-1.8f, 1.6f), (2.8f, -1.3f), (0.5f, 2.0f), (-1.5f, -1.2f), (3.0f, 1.5f), (0.5f, -1.6f)];
        float[][] columns = [[.. moons[0], .. outliers.Select(o => o.X)], [.. moons[1], .. outliers.Select(o => o.Y)]];
        var history = new History();
        var model = Fit(columns, 0.2, 5, new FitContext(0, [history]));

        foreach (var clusters in new[] { model.TrainingClusters!, model.Predict(TableOf(columns)).Clusters! })
        {
            Assert.All(clusters[300..], c => Assert.Equal(-1, c));
            Assert.DoesNotContain(-1, clusters[..300]);
            Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex(groups, clusters[..300]), 12);
        }
        Assert.Equal(2, model.ClusterCount);
        Assert.Equal(2, history.Steps.Single().Metrics["clusters"]);
        Assert.Equal(6, history.Steps.Single().Metrics["noise"]);
    }

    [Fact]
    public void Rows_close_together_form_clusters_and_a_lone_row_is_noise()
    {
        // scikit-learn 1.2: DBSCAN(eps=0.15, min_samples=2) on 0, 0.1, 0.2, 5, 5.1, 5.2, 10 → [0, 0, 0, 1, 1, 1, -1].
        var model = Fit([[0f, 0.1f, 0.2f, 5f, 5.1f, 5.2f, 10f]], 0.15, 2);
        Assert.Equal([0, 0, 0, 1, 1, 1, -1], model.TrainingClusters!);
        var prediction = model.Predict(TableOf([[0.05f, 5.3f, 7f, 10f]]));
        Assert.Equal([0, 1, -1, -1], prediction.Clusters!);
        Assert.Equal("-1", prediction.Label(2));
        Assert.Equal(0.05f, prediction.Values![0], 5); // the distance to the nearest core point
        Assert.Equal(1.8f, prediction.Values[2], 5);   // 7 is 1.8 from the core point 5.2, beyond eps: noise
    }

    [Fact]
    public void A_border_point_joins_the_first_cluster_that_reaches_it_but_a_new_row_joins_the_nearest()
    {
        // scikit-learn 1.2: DBSCAN(eps=0.3, min_samples=4) on these rows → [0, 0, 0, 0, 1, 1, 1, 1, 0]: the last
        // row (0.41) is a border point of both clusters (0.26 from 0.15, 0.28 from 0.69); the cluster found first keeps it.
        var model = Fit([[0.69f, 0.75f, 0.8f, 0.85f, 0f, 0.05f, 0.1f, 0.15f, 0.41f]], 0.3, 4);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 0], model.TrainingClusters!);
        Assert.Equal(8, model.CorePointCount);
        Assert.Equal([1], model.Predict(TableOf([[0.41f]])).Clusters!);
    }

    [Fact]
    public void Without_core_points_every_row_is_noise()
    {
        var model = Fit([[0f, 1f, 2f, 3f]], 0.5, 2);
        Assert.Equal(0, model.ClusterCount);
        var prediction = model.Predict(TableOf([[0f, 1.5f]]));
        Assert.Equal([-1, -1], prediction.Clusters!);
        Assert.Null(prediction.Values);
    }

    [Fact]
    public void Higher_dimensions_give_the_same_clusters_as_a_brute_force_search()
    {
        var (columns, groups) = Blobs(600, 4, 0.3, [0, 0, 0, 0, 0, 0], [2, 2, 0, 0, 0, 0], [0, 0, 2, 2, 2, 0]);
        var model = Fit(columns, 0.9, 6);
        var x = Matrix(columns);
        // Core points by counting every pair's distance.
        var core = Enumerable.Range(0, 600).Count(i => Enumerable.Range(0, 600).Count(j =>
            Math.Sqrt(Enumerable.Range(0, 6).Sum(d => Math.Pow(x[i * 6 + d] - x[j * 6 + d], 2))) <= 0.9) >= 6);
        Assert.Equal(core, model.CorePointCount);
        Assert.True(ClusteringMetrics.AdjustedRandIndex(groups, model.TrainingClusters!) > 0.95);
    }

    [Fact]
    public void Options_are_validated_by_field()
    {
        Assert.Contains("model.eps", Assert.Throws<LatheException>(() => new Dbscan(new DbscanOptions { Eps = 0 })).Message);
        Assert.Contains("model.min_samples", Assert.Throws<LatheException>(() => new Dbscan(new DbscanOptions { MinSamples = 0 })).Message);
    }
}
