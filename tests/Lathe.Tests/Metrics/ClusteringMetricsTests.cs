using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;

namespace Lathe.Tests.Metrics;

public class ClusteringMetricsTests
{
    // Expected values from scikit-learn 1.2.1 (adjusted_rand_score, normalized_mutual_info_score with the default
    // arithmetic normalisation) on exactly these labelings.
    public static TheoryData<int[], int[], double, double> ScikitLearn => new()
    {
        { [0, 0, 1, 1], [0, 0, 1, 2], 0.5714285714285714, 0.7999999999999999 },
        { [0, 0, 0, 1, 1, 1, 2, 2, 2], [0, 0, 1, 1, 1, 2, 2, 2, 0], 0.1111111111111111, 0.4206198357143052 },
        { [0, 1, 2, 0, 1, 2, 0, 1, 2, 0], [1, 1, 0, 0, 2, 2, 1, 0, 2, 2], -0.13636363636363635, 0.14002546916399713 },
        { [0, 0, 1, 1, 2, 2], [1, 1, 0, 0, 0, 0], 0.4444444444444444, 0.7336804366512113 },
        { [-1, 0, 0, 1, 1, -1], [0, 0, 0, 1, 1, 1], 0.24242424242424243, 0.5158037429793888 },
    };

    [Theory]
    [MemberData(nameof(ScikitLearn))]
    public void Ari_and_nmi_match_scikit_learn(int[] truth, int[] predicted, double ari, double nmi)
    {
        Assert.Equal(ari, ClusteringMetrics.AdjustedRandIndex(truth, predicted), 12);
        Assert.Equal(nmi, ClusteringMetrics.NormalizedMutualInformation(truth, predicted), 12);
    }

    [Fact]
    public void Ari_matches_a_hand_count_of_pairs()
    {
        // truth 0 0 1 1, predicted 0 0 1 2: contingency cells 2, 1, 1 → 1 pair together in both; truth pairs 2,
        // predicted pairs 1, 6 pairs in all. Expected index 2·1/6 = 1/3, max (2 + 1)/2 = 1.5: ARI = (1 − 1/3)/(1.5 − 1/3) = 4/7.
        Assert.Equal(4.0 / 7, ClusteringMetrics.AdjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]), 12);
    }

    [Fact]
    public void Identical_groupings_score_one_whatever_the_cluster_numbers()
    {
        int[] truth = [0, 0, 1, 1, 2, 2, 2];
        int[] renamed = [7, 7, -1, -1, 3, 3, 3];
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex(truth, renamed), 12);
        Assert.Equal(1.0, ClusteringMetrics.NormalizedMutualInformation(truth, renamed), 12);
        Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex([0, 0, 0], [5, 5, 5]));
        Assert.Equal(1.0, ClusteringMetrics.NormalizedMutualInformation([0, 0, 0], [5, 5, 5]));
    }

    [Fact]
    public void Ari_and_nmi_do_not_depend_on_the_row_order_or_the_cluster_numbers()
    {
        var random = new Random(3);
        int[] truth = [.. Enumerable.Range(0, 200).Select(_ => random.Next(4))];
        int[] predicted = [.. truth.Select(t => random.NextDouble() < 0.3 ? random.Next(5) : t)];
        var ari = ClusteringMetrics.AdjustedRandIndex(truth, predicted);
        var nmi = ClusteringMetrics.NormalizedMutualInformation(truth, predicted);
        int[] order = [.. Enumerable.Range(0, 200).OrderBy(_ => random.Next())];
        int[] relabel = [4, 2, 0, 3, 1];
        int[] shuffledTruth = [.. order.Select(i => truth[i] * 10)];
        int[] shuffledPredicted = [.. order.Select(i => relabel[predicted[i]])];
        Assert.Equal(ari, ClusteringMetrics.AdjustedRandIndex(shuffledTruth, shuffledPredicted), 12);
        Assert.Equal(nmi, ClusteringMetrics.NormalizedMutualInformation(shuffledTruth, shuffledPredicted), 12);
        Assert.Equal(ari, ClusteringMetrics.AdjustedRandIndex(predicted, truth), 12); // symmetric
        Assert.Equal(nmi, ClusteringMetrics.NormalizedMutualInformation(predicted, truth), 12);
    }

    [Fact]
    public void Silhouette_matches_a_hand_computation()
    {
        // Points 0, 1 | 5, 6: a = 1 for every row; b = 5.5, 4.5, 4.5, 5.5 → s = 4.5/5.5, 3.5/4.5, 3.5/4.5, 4.5/5.5.
        var expected = (4.5 / 5.5 + 3.5 / 4.5) / 2;
        Assert.Equal(expected, ClusteringMetrics.Silhouette([0, 1, 5, 6], 1, [0, 0, 1, 1]), 6);
    }

    [Fact]
    public void Silhouette_matches_scikit_learn()
    {
        // x_i = (sin i, cos 3i), i = 0..29. scikit-learn 1.2.1's silhouette_score: labels i mod 3 → −0.086514324;
        // labels by quadrant (x > 0) + 2 (y > 0) → 0.45467684.
        var x = new float[60];
        for (var i = 0; i < 30; i++) (x[2 * i], x[2 * i + 1]) = ((float)Math.Sin(i), (float)Math.Cos(3 * i));
        int[] thirds = [.. Enumerable.Range(0, 30).Select(i => i % 3)];
        int[] quadrants = [.. Enumerable.Range(0, 30).Select(i => (x[2 * i] > 0 ? 1 : 0) + (x[2 * i + 1] > 0 ? 2 : 0))];
        Assert.Equal(-0.086514324, ClusteringMetrics.Silhouette(x, 2, thirds), 6);
        Assert.Equal(0.45467684, ClusteringMetrics.Silhouette(x, 2, quadrants), 6);
    }

    [Fact]
    public void Silhouette_leaves_noise_out_scores_a_lone_row_zero_and_is_undefined_for_one_cluster()
    {
        float[] x = [0, 1, 5, 6, 40];
        Assert.Equal(ClusteringMetrics.Silhouette([0, 1, 5, 6], 1, [0, 0, 1, 1]), ClusteringMetrics.Silhouette(x, 1, [0, 0, 1, 1, -1]), 12);
        // A lone row adds a 0 to the mean.
        Assert.Equal(ClusteringMetrics.Silhouette([0, 1, 5, 6], 1, [0, 0, 1, 1]) * 4 / 5, ClusteringMetrics.Silhouette(x, 1, [0, 0, 1, 1, 2]), 12);
        Assert.True(double.IsNaN(ClusteringMetrics.Silhouette(x, 1, [0, 0, 0, 0, -1])));
    }

    [Fact]
    public void A_silhouette_sample_is_seeded_and_close_to_the_exact_score()
    {
        var random = new Random(1);
        var x = new float[3000 * 2];
        var labels = new int[3000];
        for (var r = 0; r < 3000; r++)
        {
            labels[r] = r % 3;
            x[2 * r] = (float)(labels[r] * 3 + random.NextDouble());
            x[2 * r + 1] = (float)random.NextDouble();
        }
        var exact = ClusteringMetrics.Silhouette(x, 2, labels);
        var sample = ClusteringMetrics.Silhouette(x, 2, labels, sampleSize: 500, seed: 4);
        Assert.Equal(sample, ClusteringMetrics.Silhouette(x, 2, labels, sampleSize: 500, seed: 4));
        Assert.Equal(exact, sample, 1);
        Assert.Equal(exact, ClusteringMetrics.Silhouette(x, 2, labels, sampleSize: 5000), 12);
    }

    [Fact]
    public void Scoring_reports_silhouette_ari_nmi_clusters_and_noise()
    {
        float[] x = [0, 1, 5, 6, 40, 41];
        var prediction = Prediction.Clustering([0, 0, 1, 1, -1, 1], 2);
        var labels = CategoricalColumn.FromStrings("label", ["a", "a", "b", "b", "c", null]);
        var scores = Scoring.Clustering(prediction, x, 1, labels);
        // The row with no label is left out of ari and nmi; noise (−1) is a cluster of its own there.
        Assert.Equal(1.0, scores["ari"], 12);
        Assert.Equal(1.0, scores["nmi"], 12);
        Assert.Equal(2, scores["clusters"]);
        Assert.Equal(1, scores["noise"]);
        Assert.Equal(ClusteringMetrics.Silhouette(x, 1, [0, 0, 1, 1, -1, 1]), scores["silhouette"], 12);
        var unlabelled = Scoring.Clustering(prediction, x, 1, null);
        Assert.False(unlabelled.ContainsKey("ari"));
        Assert.False(Scoring.Clustering(Prediction.Clustering([0, 0, 0, -1, 0, 0], 1), x, 1, null).ContainsKey("silhouette"));
    }

    [Fact]
    public void A_clustering_prediction_carries_clusters_scores_and_soft_assignments()
    {
        var prediction = Prediction.Clustering([1, 0, -1], 2, [0.5f, 0.25f, 3f], [0.2f, 0.8f, 0.9f, 0.1f, 0.5f, 0.5f]);
        Assert.Equal(TaskKind.Clustering, prediction.Task);
        Assert.Equal([1, 0, -1], prediction.Clusters!);
        Assert.Same(prediction.ClassIndices, prediction.Clusters);
        Assert.Equal(["0", "1"], prediction.Classes);
        Assert.Equal("1", prediction.Label(0));
        Assert.Equal("-1", prediction.Label(2));
        Assert.Equal(0.9f, prediction.Probability(1, 0));
        Assert.Throws<ArgumentException>(() => Prediction.Clustering([2], 2));
        Assert.Null(Prediction.Regression([1f]).Clusters);
    }
}
