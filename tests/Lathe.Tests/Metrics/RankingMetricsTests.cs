using Lathe.Metrics;

namespace Lathe.Tests.Metrics;

/// <summary>ROC-AUC and average precision against values worked by hand and a brute-force pair count.</summary>
public class RankingMetricsTests
{
    // Positives score 0.5, 0.9, 0.2; negatives 0.5, 0.5, 0.1. Of the 9 (positive, negative) pairs the 0.9 wins 3,
    // the 0.5 wins 1 and ties 2 (½ each), the 0.2 wins 1 → AUC 6/9.
    // Thresholds 0.9, 0.5, 0.2: (P, R) = (1, 1/3), (2/4, 2/3), (3/5, 1) → AP = (1 + 0.5 + 0.6) / 3 = 0.7.
    private static readonly int[] TiedTruth = [0, 0, 1, 1, 1, 0];
    private static readonly float[] TiedScores = [0.5f, 0.5f, 0.5f, 0.9f, 0.2f, 0.1f];

    [Fact]
    public void Ties_count_one_half()
    {
        Assert.Equal(2.0 / 3, RankingMetrics.RocAucBinary(TiedTruth, TiedScores), 12);
        Assert.Equal(0.7, RankingMetrics.AveragePrecisionBinary(TiedTruth, TiedScores), 12);
    }

    [Fact]
    public void The_positive_class_can_be_chosen()
    {
        // Scoring class 0 with the same scores ranks the other way round: AUC 1 − 2/3.
        Assert.Equal(1.0 / 3, RankingMetrics.RocAucBinary(TiedTruth, TiedScores, positiveClass: 0), 12);
    }

    [Fact]
    public void Perfect_worst_and_constant_scores()
    {
        int[] truth = [1, 1, 0, 0];
        Assert.Equal(1.0, RankingMetrics.RocAucBinary(truth, [0.9f, 0.8f, 0.2f, 0.1f]), 12);
        Assert.Equal(1.0, RankingMetrics.AveragePrecisionBinary(truth, [0.9f, 0.8f, 0.2f, 0.1f]), 12);
        Assert.Equal(0.0, RankingMetrics.RocAucBinary(truth, [0.1f, 0.2f, 0.8f, 0.9f]), 12);
        // Worst: the positives come 3rd (P 1/3, R 1/2) and 4th (P 1/2, R 1) → AP = 1/6 + 1/4.
        Assert.Equal(5.0 / 12, RankingMetrics.AveragePrecisionBinary(truth, [0.1f, 0.2f, 0.8f, 0.9f]), 12);
        // All scores equal: one threshold, the chance line; AP is the prevalence.
        Assert.Equal(0.5, RankingMetrics.RocAucBinary(truth, [0.3f, 0.3f, 0.3f, 0.3f]), 12);
        Assert.Equal(0.5, RankingMetrics.AveragePrecisionBinary(truth, [0.3f, 0.3f, 0.3f, 0.3f]), 12);
    }

    [Fact]
    public void A_single_class_in_the_truth_is_undefined()
    {
        float[] scores = [0.1f, 0.7f, 0.4f];
        Assert.True(double.IsNaN(RankingMetrics.RocAucBinary([0, 0, 0], scores)));
        Assert.True(double.IsNaN(RankingMetrics.RocAucBinary([1, 1, 1], scores)));
        Assert.True(double.IsNaN(RankingMetrics.AveragePrecisionBinary([0, 0, 0], scores)));
        Assert.Equal(1.0, RankingMetrics.AveragePrecisionBinary([1, 1, 1], scores), 12); // precision is 1 everywhere
    }

    [Fact]
    public void One_vs_rest_is_nan_when_a_class_has_no_rows()
    {
        // Three classes, class 2 never true: its one-vs-rest AUC is undefined, so are macro and weighted.
        int[] truth = [0, 1, 0, 1];
        float[] probabilities = [0.7f, 0.2f, 0.1f, 0.2f, 0.7f, 0.1f, 0.6f, 0.3f, 0.1f, 0.3f, 0.3f, 0.4f];
        Assert.True(double.IsNaN(RankingMetrics.RocAuc(truth, probabilities, 3, MetricAverage.Macro)));
        Assert.True(double.IsNaN(RankingMetrics.RocAuc(truth, probabilities, 3, MetricAverage.Weighted)));
        Assert.True(double.IsNaN(RankingMetrics.AveragePrecision(truth, probabilities, 3, MetricAverage.Macro)));
        Assert.False(double.IsNaN(RankingMetrics.RocAuc(truth, probabilities, 3, MetricAverage.Micro)));
    }

    [Fact]
    public void One_vs_rest_averages_the_per_class_areas()
    {
        // Class 0 column 0.8 0.1 0.1 vs truth 0: perfect; class 1 column 0.1 0.2 0.7 vs rows {1}: the row 1
        // (0.2) beats row 0 (0.1), loses to row 2 (0.7) → 1/2; class 2 column 0.1 0.7 0.2 vs row 2: 0.2 beats
        // 0.1, loses to 0.7 → 1/2. Macro (1 + 0.5 + 0.5) / 3; all supports 1 so weighted is the same.
        int[] truth = [0, 1, 2];
        float[] probabilities = [0.8f, 0.1f, 0.1f, 0.1f, 0.2f, 0.7f, 0.1f, 0.7f, 0.2f];
        Assert.Equal(2.0 / 3, RankingMetrics.RocAuc(truth, probabilities, 3), 12);
        Assert.Equal(2.0 / 3, RankingMetrics.RocAuc(truth, probabilities, 3, MetricAverage.Weighted), 12);
        Assert.Throws<ArgumentException>(() => RankingMetrics.RocAuc(truth, probabilities, 3, MetricAverage.Binary));
    }

    [Fact]
    public void Two_classes_score_the_column_of_class_one()
    {
        float[] probabilities = new float[TiedScores.Length * 2];
        for (var i = 0; i < TiedScores.Length; i++) (probabilities[2 * i], probabilities[2 * i + 1]) = (1 - TiedScores[i], TiedScores[i]);
        Assert.Equal(2.0 / 3, RankingMetrics.RocAuc(TiedTruth, probabilities, 2), 12);
        Assert.Equal(0.7, RankingMetrics.AveragePrecision(TiedTruth, probabilities, 2), 12);
    }

    [Fact]
    public void The_area_equals_the_brute_force_pair_count()
    {
        // 2,000 rows with scores on a coarse grid (many ties) against the O(n²) Mann–Whitney count.
        var random = new Random(7);
        var truth = new int[2000];
        var scores = new float[2000];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = random.NextDouble() < 0.3 ? 1 : 0;
            scores[i] = (float)Math.Round(random.NextDouble() * 0.6 + 0.3 * truth[i], 2);
        }
        double wins = 0, pairs = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] != 1) continue;
            for (var j = 0; j < truth.Length; j++)
            {
                if (truth[j] != 0) continue;
                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }
        Assert.Equal(wins / pairs, RankingMetrics.RocAucBinary(truth, scores), 12);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RankingMetrics.RocAucBinary([0, 1], [0.5f, float.NaN]));
        Assert.Throws<ArgumentException>(() => RankingMetrics.RocAucBinary([0, 1], [0.5f]));
        Assert.Throws<ArgumentException>(() => RankingMetrics.RocAuc([0, 1], [0.5f, 0.5f, 0.5f], 2));
    }
}
