using Lathe.Metrics;

namespace Lathe.Tests.Metrics;

/// <summary>
/// Every new metric against scikit-learn 1.2.1 (numpy 1.24) on fixed random inputs. The inputs and the expected
/// values were produced with /usr/bin/python3 and numpy.random.default_rng(20240601): binary scores on a 0.1
/// grid (many ties) with truth ~ Bernoulli(0.1 + 0.8·score); three-class probabilities multinomial(20,
/// dirichlet(1,1,1)) / 20 as float32 with truth drawn from a blur of them; four-class labels where class 3 is
/// never predicted; then precision/recall/f1_score(zero_division=0), balanced_accuracy_score,
/// brier_score_loss, roc_auc_score(multi_class="ovr"), average_precision_score (multiclass on
/// label_binarize(truth)), roc_curve, precision_recall_curve, calibration_curve and
/// mean_absolute_percentage_error (on the float32 values cast to float64). scikit-learn 1.2 has no multiclass
/// Brier score; that expected value is numpy's mean over rows of Σₖ (pₖ − onehotₖ)².
/// </summary>
public class ScikitLearnReferenceTests
{
    private static readonly int[] BinaryTruth = [0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0];
    private static readonly float[] BinaryScores = [0.1f, 0.8f, 0.1f, 0.6f, 0.3f, 0.4f, 0.0f, 1.0f, 0.0f, 0.1f, 1.0f, 0.5f, 0.1f, 0.6f, 0.5f, 0.5f, 0.6f, 0.8f, 0.8f, 0.8f, 0.7f, 0.3f, 0.7f, 0.1f];
    private static readonly int[] MultiTruth = [0, 2, 1, 0, 1, 0, 0, 1, 2, 1, 1, 2, 0, 1, 1, 0, 0, 1, 0, 2, 0, 0, 1, 1, 2, 2, 2, 1, 0, 1];
    private static readonly float[] MultiProbabilities = [0.5f, 0.2f, 0.3f, 0.85f, 0.0f, 0.15f, 0.3f, 0.05f, 0.65f, 0.95f, 0.0f, 0.05f, 0.2f, 0.55f, 0.25f, 0.6f, 0.2f, 0.2f, 0.4f, 0.05f, 0.55f, 0.2f, 0.45f, 0.35f, 0.35f, 0.15f, 0.5f, 0.45f, 0.55f, 0.0f, 0.3f, 0.4f, 0.3f, 0.0f, 0.4f, 0.6f, 0.2f, 0.4f, 0.4f, 0.7f, 0.2f, 0.1f, 0.1f, 0.6f, 0.3f, 0.05f, 0.4f, 0.55f, 0.7f, 0.0f, 0.3f, 0.55f, 0.45f, 0.0f, 0.25f, 0.55f, 0.2f, 0.15f, 0.3f, 0.55f, 0.3f, 0.5f, 0.2f, 0.2f, 0.55f, 0.25f, 0.0f, 1.0f, 0.0f, 0.2f, 0.4f, 0.4f, 0.15f, 0.05f, 0.8f, 0.0f, 0.3f, 0.7f, 0.0f, 0.55f, 0.45f, 0.25f, 0.45f, 0.3f, 0.05f, 0.3f, 0.65f, 0.25f, 0.7f, 0.05f];
    private static readonly int[] LabelTruth = [0, 3, 2, 3, 0, 1, 3, 0, 0, 2, 0, 3, 1, 1, 1, 1, 3, 1, 0, 2, 1, 1, 2, 3, 2, 0, 3, 3, 3, 3, 2, 1, 0, 1, 1, 1, 0, 3, 2, 0];
    private static readonly int[] LabelPredicted = [2, 0, 2, 0, 0, 0, 1, 2, 0, 2, 2, 0, 2, 0, 1, 2, 1, 1, 2, 0, 1, 1, 2, 2, 0, 0, 2, 0, 2, 2, 2, 1, 2, 1, 0, 1, 0, 2, 2, 0];
    private static readonly float[] RegressionTruth = [-2.09f, 3.29f, 1.94f, -2.35f, 2.49f, -0.91f, -4.76f, -1.5f, -0.74f, 3.74f, 2.24f, 1.76f, 0.23f, -6.32f, -4.95f, 4.87f, 2.72f, 1.6f, 5.3f, -3.87f];
    private static readonly float[] RegressionPredicted = [-2.6f, 3.35f, 1.85f, -2.12f, 2.89f, -1.62f, -3.7000003f, -2.42f, 0.44f, 2.22f, 1.83f, 1.5f, -0.89f, -6.34f, -5.5299997f, 6.5899997f, 2.55f, 2.3700001f, 5.1600003f, -3.4099998f];

    // The arg max of each row of MultiProbabilities, the first on ties (as numpy's argmax; row 12 is 0.2 0.4 0.4).
    private static int[] MultiPredicted()
    {
        var predicted = new int[MultiTruth.Length];
        for (var i = 0; i < predicted.Length; i++)
            for (var k = 1; k < 3; k++)
                if (MultiProbabilities[i * 3 + k] > MultiProbabilities[i * 3 + predicted[i]]) predicted[i] = k;
        return predicted;
    }

    private static float[] BinaryAsTwoColumns()
    {
        var probabilities = new float[BinaryScores.Length * 2];
        for (var i = 0; i < BinaryScores.Length; i++) (probabilities[2 * i], probabilities[2 * i + 1]) = (1 - BinaryScores[i], BinaryScores[i]);
        return probabilities;
    }

    [Theory]
    // metric, average, expected on the four-class labels, expected on the three-class argmax predictions
    [InlineData("Precision", MetricAverage.Micro, 0.425, 0.6)]
    [InlineData("Recall", MetricAverage.Micro, 0.425, 0.6)]
    [InlineData("F1", MetricAverage.Micro, 0.425, 0.6)]
    [InlineData("Precision", MetricAverage.Macro, 0.3572595704948646, 0.58994708994709)]
    [InlineData("Recall", MetricAverage.Macro, 0.449404761904762, 0.6093073593073594)]
    [InlineData("F1", MetricAverage.Macro, 0.375, 0.5872507122507122)]
    [InlineData("Precision", MetricAverage.Weighted, 0.37408963585434174, 0.5962962962962963)]
    [InlineData("Recall", MetricAverage.Weighted, 0.425, 0.6)]
    [InlineData("F1", MetricAverage.Weighted, 0.3770833333333333, 0.5857193732193732)]
    public void Precision_recall_f1_match(string metric, MetricAverage average, double labels, double multi)
    {
        Func<int[], int[], int, MetricAverage, double> score = metric switch
        {
            "Precision" => (t, p, k, a) => ClassificationMetrics.Precision(t, p, k, a),
            "Recall" => (t, p, k, a) => ClassificationMetrics.Recall(t, p, k, a),
            _ => (t, p, k, a) => ClassificationMetrics.F1(t, p, k, a),
        };
        Assert.Equal(labels, score(LabelTruth, LabelPredicted, 4, average), 12);
        Assert.Equal(multi, score(MultiTruth, MultiPredicted(), 3, average), 12);
    }

    [Fact]
    public void Binary_precision_recall_f1_balanced_accuracy_and_brier_match()
    {
        var predicted = BinaryScores.Select(s => s >= 0.5f ? 1 : 0).ToArray();
        Assert.Equal(0.6428571428571429, ClassificationMetrics.Precision(BinaryTruth, predicted, 2, MetricAverage.Binary), 12);
        Assert.Equal(0.75, ClassificationMetrics.Recall(BinaryTruth, predicted, 2, MetricAverage.Binary), 12);
        Assert.Equal(0.6923076923076924, ClassificationMetrics.F1(BinaryTruth, predicted, 2, MetricAverage.Binary), 12);
        Assert.Equal(0.449404761904762, ClassificationMetrics.BalancedAccuracy(LabelTruth, LabelPredicted, 4), 12);
        Assert.Equal(0.6093073593073594, ClassificationMetrics.BalancedAccuracy(MultiTruth, MultiPredicted(), 3), 12);
        Assert.Equal(0.18166666643073173, ClassificationMetrics.BrierScore(BinaryTruth, BinaryAsTwoColumns(), 2), 12);
        Assert.Equal(0.584333334890505, ClassificationMetrics.BrierScore(MultiTruth, MultiProbabilities, 3), 12);
    }

    [Fact]
    public void Roc_auc_and_average_precision_match()
    {
        Assert.Equal(0.7916666666666666, RankingMetrics.RocAucBinary(BinaryTruth, BinaryScores), 12);
        Assert.Equal(0.7916666666666666, RankingMetrics.RocAuc(BinaryTruth, BinaryAsTwoColumns(), 2), 12);
        Assert.Equal(0.7387698220078082, RankingMetrics.RocAuc(MultiTruth, MultiProbabilities, 3, MetricAverage.Macro), 12);
        Assert.Equal(0.7296211543351131, RankingMetrics.RocAuc(MultiTruth, MultiProbabilities, 3, MetricAverage.Weighted), 12);
        Assert.Equal(0.7213888888888889, RankingMetrics.RocAuc(MultiTruth, MultiProbabilities, 3, MetricAverage.Micro), 12);
        Assert.Equal(0.7507639419404125, RankingMetrics.AveragePrecisionBinary(BinaryTruth, BinaryScores), 12);
        Assert.Equal(0.6251019835205683, RankingMetrics.AveragePrecision(MultiTruth, MultiProbabilities, 3, MetricAverage.Macro), 12);
        Assert.Equal(0.6241905805428823, RankingMetrics.AveragePrecision(MultiTruth, MultiProbabilities, 3, MetricAverage.Weighted), 12);
        Assert.Equal(0.580090969316039, RankingMetrics.AveragePrecision(MultiTruth, MultiProbabilities, 3, MetricAverage.Micro), 12);
    }

    [Fact]
    public void Roc_and_precision_recall_curves_match()
    {
        // roc_curve drops no point of the binary scores with drop_intermediate True or False: every point is a corner.
        foreach (var drop in new[] { false, true })
        {
            var roc = Curves.Roc(BinaryTruth, BinaryScores, dropIntermediate: drop);
            CurvesTests.AssertClose([0.0, 0.0, 0.16666666666666666, 0.16666666666666666, 0.25, 0.4166666666666667, 0.4166666666666667, 0.4166666666666667, 0.8333333333333334, 1.0], roc.FalsePositiveRate);
            CurvesTests.AssertClose([0.0, 0.16666666666666666, 0.3333333333333333, 0.5, 0.6666666666666666, 0.75, 0.8333333333333334, 1.0, 1.0, 1.0], roc.TruePositiveRate);
            Assert.Equal([2.0f, 1.0f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f, 0.3f, 0.1f, 0.0f], roc.Thresholds);
        }
        // Class 0's column of the three-class probabilities (roc_curve(truth, P[:, 0], pos_label=0)): one of
        // the 16 distinct scores is collinear and dropped.
        var column = Enumerable.Range(0, MultiTruth.Length).Select(i => MultiProbabilities[i * 3]).ToArray();
        var ovr = Curves.Roc(MultiTruth, column, positiveClass: 0);
        CurvesTests.AssertClose([0.0, 0.0, 0.05263157894736842, 0.10526315789473684, 0.10526315789473684, 0.15789473684210525, 0.15789473684210525, 0.21052631578947367, 0.21052631578947367, 0.2631578947368421, 0.47368421052631576, 0.631578947368421, 0.7368421052631579, 0.7894736842105263, 0.7894736842105263, 1.0], ovr.FalsePositiveRate);
        CurvesTests.AssertClose([0.0, 0.09090909090909091, 0.09090909090909091, 0.18181818181818182, 0.2727272727272727, 0.2727272727272727, 0.36363636363636365, 0.36363636363636365, 0.45454545454545453, 0.45454545454545453, 0.6363636363636364, 0.8181818181818182, 0.8181818181818182, 0.8181818181818182, 1.0, 1.0], ovr.TruePositiveRate);
        Assert.Equal([1.95f, 0.95f, 0.85f, 0.7f, 0.6f, 0.55f, 0.5f, 0.45f, 0.4f, 0.35f, 0.25f, 0.2f, 0.15f, 0.1f, 0.05f, 0.0f], ovr.Thresholds);
        var pr = Curves.PrecisionRecall(BinaryTruth, BinaryScores);
        CurvesTests.AssertClose([0.5, 0.5454545454545454, 0.7058823529411765, 0.6666666666666666, 0.6428571428571429, 0.7272727272727273, 0.75, 0.6666666666666666, 1.0, 1.0], pr.Precision);
        CurvesTests.AssertClose([1.0, 1.0, 1.0, 0.8333333333333334, 0.75, 0.6666666666666666, 0.5, 0.3333333333333333, 0.16666666666666666, 0.0], pr.Recall);
        Assert.Equal([0.0f, 0.1f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 1.0f], pr.Thresholds);
    }

    [Fact]
    public void Calibration_curves_match()
    {
        // 10 bins puts 0.1f, 0.3f, 0.6f, 0.8f just above an edge i/10 and 0.7f just below one: the edges are
        // compared as numpy does, in double.
        var c5 = Curves.CalibrationBinary(BinaryTruth, BinaryScores, bins: 5);
        CurvesTests.AssertClose([0.0, 1.0, 0.5, 0.8, 0.6666666666666666], c5.ObservedFrequency);
        CurvesTests.AssertClose([0.07142857249294009, 0.30000001192092896, 0.4750000014901161, 0.6400000095367432, 0.8666666746139526], c5.MeanPredicted);
        Assert.Equal([7, 2, 4, 5, 6], c5.Count);
        var c10 = Curves.Calibration(BinaryTruth, BinaryAsTwoColumns(), 2, bins: 10);
        CurvesTests.AssertClose([0.0, 0.0, 1.0, 0.5, 0.8, 0.5, 1.0], c10.ObservedFrequency);
        CurvesTests.AssertClose([0.0, 0.10000000149011612, 0.30000001192092896, 0.4750000014901161, 0.6400000095367432, 0.800000011920929, 1.0], c10.MeanPredicted);
        Assert.Equal([2, 5, 2, 4, 5, 4, 2], c10.Count);
        var cm = Curves.Calibration(MultiTruth, MultiProbabilities, 3, bins: 5);
        CurvesTests.AssertClose([0.5294117647058824, 0.6666666666666666, 0.75], cm.ObservedFrequency);
        CurvesTests.AssertClose([0.5029411824310527, 0.6555555529064603, 0.9000000059604645], cm.MeanPredicted);
        Assert.Equal([17, 9, 4], cm.Count);
    }

    [Fact]
    public void Mape_matches() =>
        Assert.Equal(0.527364602059645, RegressionMetrics.Mape(RegressionTruth, RegressionPredicted), 12);
}
