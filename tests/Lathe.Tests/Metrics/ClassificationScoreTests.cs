using Lathe.Metrics;

namespace Lathe.Tests.Metrics;

/// <summary>Balanced accuracy, precision / recall / F1 averages, Brier score and MAPE against values worked by hand.</summary>
public class ClassificationScoreTests
{
    // truth 0 0 1 1 2 2, predicted 0 1 1 1 2 0 — by hand:
    // class 0: tp 1, fp 1, fn 1 → P 1/2, R 1/2; class 1: tp 2, fp 1, fn 0 → P 2/3, R 1; class 2: tp 1, fp 0, fn 1 → P 1, R 1/2.
    private static readonly int[] Truth = [0, 0, 1, 1, 2, 2];
    private static readonly int[] Predicted = [0, 1, 1, 1, 2, 0];

    [Fact]
    public void Averages_follow_the_per_class_counts()
    {
        Assert.Equal((0.5 + 2.0 / 3 + 1) / 3, ClassificationMetrics.Precision(Truth, Predicted, 3, MetricAverage.Macro), 12);
        Assert.Equal((0.5 + 1 + 0.5) / 3, ClassificationMetrics.Recall(Truth, Predicted, 3, MetricAverage.Macro), 12);
        // Every class has support 2, so weighted equals macro; micro pools the counts and equals accuracy.
        Assert.Equal((0.5 + 2.0 / 3 + 1) / 3, ClassificationMetrics.Precision(Truth, Predicted, 3, MetricAverage.Weighted), 12);
        Assert.Equal(4.0 / 6, ClassificationMetrics.Precision(Truth, Predicted, 3, MetricAverage.Micro), 12);
        Assert.Equal(4.0 / 6, ClassificationMetrics.Recall(Truth, Predicted, 3, MetricAverage.Micro), 12);
        Assert.Equal(4.0 / 6, ClassificationMetrics.F1(Truth, Predicted, 3, MetricAverage.Micro), 12);
        Assert.Equal(ClassificationMetrics.F1Macro(Truth, Predicted, 3), ClassificationMetrics.F1(Truth, Predicted, 3, MetricAverage.Macro), 12);
    }

    [Fact]
    public void A_class_never_predicted_has_precision_zero()
    {
        // truth 0 1 2 2, all predicted 0: P = 1/4, 0, 0 (zero_division = 0); supports 1, 1, 2.
        int[] truth = [0, 1, 2, 2];
        int[] predicted = [0, 0, 0, 0];
        Assert.Equal(0.25 / 3, ClassificationMetrics.Precision(truth, predicted, 3, MetricAverage.Macro), 12);
        Assert.Equal(0.25 / 4, ClassificationMetrics.Precision(truth, predicted, 3, MetricAverage.Weighted), 12);
        Assert.Equal(1.0 / 3, ClassificationMetrics.Recall(truth, predicted, 3, MetricAverage.Macro), 12);
        // A fourth class absent from truth and predictions is left out of the macro mean, as scikit-learn.
        Assert.Equal(0.25 / 3, ClassificationMetrics.Precision(truth, predicted, 4, MetricAverage.Macro), 12);
    }

    [Fact]
    public void Binary_average_scores_class_one()
    {
        // class 1: tp 2, fp 1, fn 1.
        int[] truth = [0, 1, 1, 0, 1];
        int[] predicted = [0, 1, 0, 1, 1];
        Assert.Equal(2.0 / 3, ClassificationMetrics.Precision(truth, predicted, 2, MetricAverage.Binary), 12);
        Assert.Equal(2.0 / 3, ClassificationMetrics.Recall(truth, predicted, 2, MetricAverage.Binary), 12);
        Assert.Equal(2.0 / 3, ClassificationMetrics.F1(truth, predicted, 2, MetricAverage.Binary), 12);
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.F1(Truth, Predicted, 3, MetricAverage.Binary));
    }

    [Fact]
    public void Perfect_and_worst_predictions_score_one_and_zero()
    {
        int[] truth = [0, 1, 1, 0, 1];
        int[] flipped = [1, 0, 0, 1, 0];
        foreach (var average in new[] { MetricAverage.Micro, MetricAverage.Macro, MetricAverage.Weighted, MetricAverage.Binary })
        {
            Assert.Equal(1.0, ClassificationMetrics.F1(truth, truth, 2, average), 12);
            Assert.Equal(0.0, ClassificationMetrics.F1(truth, flipped, 2, average), 12);
            Assert.Equal(0.0, ClassificationMetrics.Precision(truth, flipped, 2, average), 12);
        }
        Assert.Equal(1.0, ClassificationMetrics.BalancedAccuracy(truth, truth, 2), 12);
        Assert.Equal(0.0, ClassificationMetrics.BalancedAccuracy(truth, flipped, 2), 12);
    }

    [Fact]
    public void Balanced_accuracy_is_the_mean_recall_over_classes_in_the_truth()
    {
        Assert.Equal(2.0 / 3, ClassificationMetrics.BalancedAccuracy(Truth, Predicted, 3), 12);
        // Class 2 is only predicted: recalls 1/2 (class 0) and 1 (class 1).
        Assert.Equal(0.75, ClassificationMetrics.BalancedAccuracy([0, 0, 1], [0, 2, 1], 3), 12);
        // Imbalance: 9 rows of class 0 all right, 1 row of class 1 wrong → accuracy 0.9 but balanced 0.5.
        int[] truth = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
        Assert.Equal(0.5, ClassificationMetrics.BalancedAccuracy(truth, new int[10], 2), 12);
    }

    [Fact]
    public void A_single_class_and_no_rows_behave_as_documented()
    {
        int[] zeros = [0, 0, 0];
        Assert.Equal(1.0, ClassificationMetrics.BalancedAccuracy(zeros, zeros, 2), 12);
        Assert.Equal(1.0, ClassificationMetrics.F1(zeros, zeros, 2, MetricAverage.Macro), 12);
        Assert.Equal(0.0, ClassificationMetrics.F1(zeros, zeros, 2, MetricAverage.Binary), 12); // class 1 absent: 0/0 → 0
        Assert.True(double.IsNaN(ClassificationMetrics.BalancedAccuracy([], [], 2)));
        Assert.True(double.IsNaN(ClassificationMetrics.Precision([], [], 2, MetricAverage.Macro)));
        Assert.True(double.IsNaN(ClassificationMetrics.BrierScore([], [], 3)));
    }

    [Fact]
    public void Brier_score_is_binary_for_two_classes_and_summed_over_classes_otherwise()
    {
        // Two classes: ((0.8 − 1)² + (0.4 − 0)²) / 2 = 0.1.
        Assert.Equal(0.1, ClassificationMetrics.BrierScore([1, 0], [0.2f, 0.8f, 0.6f, 0.4f], 2), 6);
        // Three classes: row 1 (0.5 − 1)² + 0.25² + 0.25² = 0.375, row 2 exact = 0 → 0.1875.
        Assert.Equal(0.1875, ClassificationMetrics.BrierScore([0, 2], [0.5f, 0.25f, 0.25f, 0f, 0f, 1f], 3), 12);
        Assert.Equal(0.0, ClassificationMetrics.BrierScore([0, 1], [1f, 0f, 0f, 1f], 2), 12);   // perfect
        Assert.Equal(1.0, ClassificationMetrics.BrierScore([0, 1], [0f, 1f, 1f, 0f], 2), 12);   // worst, binary
        Assert.Equal(2.0, ClassificationMetrics.BrierScore([0], [0f, 0f, 1f], 3), 12);          // worst, multiclass
    }

    [Fact]
    public void Mape_is_a_fraction_with_an_epsilon_floor()
    {
        // |1−2|/1 + 0/2 + |4−3|/4 = 1.25 over 3 rows.
        Assert.Equal(1.25 / 3, RegressionMetrics.Mape([1, 2, 4], [2, 2, 3]), 12);
        Assert.Equal(0.0, RegressionMetrics.Mape([1, -2], [1, -2]), 12);
        Assert.Equal(1 / 2.220446049250313e-16, RegressionMetrics.Mape([0], [1]), 0);
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Mape([], []));
    }
}
