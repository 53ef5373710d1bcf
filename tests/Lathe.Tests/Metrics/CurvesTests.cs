using Lathe.Metrics;

namespace Lathe.Tests.Metrics;

/// <summary>ROC, precision–recall and calibration curve points against values worked by hand.</summary>
public class CurvesTests
{
    internal static void AssertClose(double[] expected, double[] actual, int precision = 12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], precision);
    }

    [Fact]
    public void Roc_points_start_at_the_origin_and_drop_collinear_ones()
    {
        // Scores 0.9 0.8 0.7 (positives) 0.1 (negative): tpr climbs 1/3, 2/3, 1 at fpr 0 — the 0.8 point lies
        // on the segment between its neighbours, so dropIntermediate removes it. First threshold = 0.9 + 1.
        int[] truth = [1, 1, 1, 0];
        float[] scores = [0.9f, 0.8f, 0.7f, 0.1f];
        var all = Curves.Roc(truth, scores, dropIntermediate: false);
        AssertClose([0, 0, 0, 0, 1], all.FalsePositiveRate);
        AssertClose([0, 1.0 / 3, 2.0 / 3, 1, 1], all.TruePositiveRate);
        Assert.Equal([0.9f + 1f, 0.9f, 0.8f, 0.7f, 0.1f], all.Thresholds);
        var corners = Curves.Roc(truth, scores);
        AssertClose([0, 0, 0, 1], corners.FalsePositiveRate);
        AssertClose([0, 1.0 / 3, 1, 1], corners.TruePositiveRate);
        Assert.Equal([0.9f + 1f, 0.9f, 0.7f, 0.1f], corners.Thresholds);
    }

    [Fact]
    public void Roc_rates_are_nan_without_negatives()
    {
        var curve = Curves.Roc([1, 1], [0.2f, 0.6f]);
        Assert.All(curve.FalsePositiveRate, r => Assert.True(double.IsNaN(r)));
        AssertClose([0, 0.5, 1], curve.TruePositiveRate);
    }

    [Fact]
    public void Precision_recall_points_run_from_the_lowest_threshold_to_the_final_one_zero()
    {
        // truth 0 0 1 1 1 0, scores 0.5 0.5 0.5 0.9 0.2 0.1; at ≥ 0.1: 3/6; ≥ 0.2: 3/5; ≥ 0.5: 2/4; ≥ 0.9: 1/1.
        var curve = Curves.PrecisionRecall([0, 0, 1, 1, 1, 0], [0.5f, 0.5f, 0.5f, 0.9f, 0.2f, 0.1f]);
        AssertClose([0.5, 0.6, 0.5, 1, 1], curve.Precision);
        AssertClose([1, 1, 2.0 / 3, 1.0 / 3, 0], curve.Recall);
        Assert.Equal([0.1f, 0.2f, 0.5f, 0.9f], curve.Thresholds);
    }

    [Fact]
    public void Calibration_bins_are_half_open_above()
    {
        // scikit-learn's docstring example, 3 bins: (0, 1/3] holds 0.1 0.2 0.3, (1/3, 2/3] holds 0.4 0.65, the rest 4.
        int[] truth = [0, 0, 0, 0, 1, 1, 1, 1, 1];
        float[] p = [0.1f, 0.2f, 0.3f, 0.4f, 0.65f, 0.7f, 0.8f, 0.9f, 1f];
        var curve = Curves.CalibrationBinary(truth, p, bins: 3);
        AssertClose([0, 0.5, 1], curve.ObservedFrequency);
        AssertClose([0.2, 0.525, 0.85], curve.MeanPredicted, 6);
        Assert.Equal([3, 2, 4], curve.Count);
        // An exact edge (0.5 with 2 bins) belongs to the lower bin; 0 to the first.
        var edge = Curves.CalibrationBinary([1, 0, 1], [0.5f, 0f, 1f], bins: 2);
        Assert.Equal([2, 1], edge.Count);
        AssertClose([0.5, 1], edge.ObservedFrequency);
    }

    [Fact]
    public void Calibration_of_two_columns_uses_class_one_and_of_more_the_confidence()
    {
        float[] two = [0.9f, 0.1f, 0.3f, 0.7f, 0.2f, 0.8f];
        var binary = Curves.Calibration([0, 1, 0], two, 2, bins: 2);
        Assert.Equal([1, 2], binary.Count); // 0.1 | 0.7, 0.8
        AssertClose([0, 0.5], binary.ObservedFrequency);
        // Three classes: confidences 0.6 (row 0 predicts 1, truth 1: right), 0.5 (row 1: 0.5 on class 0 and 2,
        // the first wins, truth 2: wrong), 0.9 (right) → with 2 bins: [0.5] wrong, [0.6, 0.9] both right.
        float[] three = [0.3f, 0.6f, 0.1f, 0.5f, 0f, 0.5f, 0.05f, 0.05f, 0.9f];
        var confidence = Curves.Calibration([1, 2, 2], three, 3, bins: 2);
        Assert.Equal([1, 2], confidence.Count);
        AssertClose([0, 1], confidence.ObservedFrequency);
        AssertClose([0.5, 0.75], confidence.MeanPredicted, 6);
    }

    [Fact]
    public void Calibration_refuses_values_outside_zero_one_and_no_bins()
    {
        Assert.Throws<ArgumentException>(() => Curves.CalibrationBinary([0, 1], [0.2f, 1.5f]));
        Assert.Throws<ArgumentException>(() => Curves.CalibrationBinary([0, 1], [0.2f, float.NaN]));
        Assert.Throws<ArgumentException>(() => Curves.CalibrationBinary([0, 1], [0.2f, 0.5f], bins: 0));
    }
}
