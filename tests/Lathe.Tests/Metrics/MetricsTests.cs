using Lathe.Metrics;

namespace Lathe.Tests.Metrics;

public class MetricsTests
{
    // truth 0 0 1 1 2 2, predicted 0 1 1 1 2 0 — worked by hand:
    // class 0: tp 1, fp 1, fn 1 → F1 0.5; class 1: tp 2, fp 1, fn 0 → 0.8; class 2: tp 1, fp 0, fn 1 → 2/3.
    private static readonly int[] Truth = [0, 0, 1, 1, 2, 2];
    private static readonly int[] Predicted = [0, 1, 1, 1, 2, 0];

    [Fact]
    public void Accuracy_counts_exact_matches() => Assert.Equal(4.0 / 6, ClassificationMetrics.Accuracy(Truth, Predicted), 12);

    [Fact]
    public void F1_macro_averages_the_per_class_scores() =>
        Assert.Equal((0.5 + 0.8 + 2.0 / 3) / 3, ClassificationMetrics.F1Macro(Truth, Predicted, 3), 12);

    [Fact]
    public void Log_loss_is_the_mean_negative_log_probability_of_the_truth()
    {
        float[] probabilities = [0.8f, 0.2f, 0.4f, 0.6f];
        var expected = -(Math.Log(0.8f) + Math.Log(0.6f)) / 2;
        Assert.Equal(expected, ClassificationMetrics.LogLoss([0, 1], probabilities, 2), 6);
    }

    [Fact]
    public void Confusion_matrix_counts_truth_by_prediction()
    {
        var m = ClassificationMetrics.ConfusionMatrix(Truth, Predicted, 3);
        Assert.Equal(1, m[0, 0]);
        Assert.Equal(1, m[0, 1]);
        Assert.Equal(2, m[1, 1]);
        Assert.Equal(1, m[2, 0]);
    }

    [Fact]
    public void Regression_scores_match_hand_computed_values()
    {
        float[] truth = [1, 2, 3, 4];
        float[] predicted = [1, 3, 2, 4];
        Assert.Equal(0.5, RegressionMetrics.Mse(truth, predicted), 12);
        Assert.Equal(Math.Sqrt(0.5), RegressionMetrics.Rmse(truth, predicted), 12);
        Assert.Equal(0.5, RegressionMetrics.Mae(truth, predicted), 12);
        Assert.Equal(1 - 2.0 / 5.0, RegressionMetrics.R2(truth, predicted), 12); // SS_res 2, SS_tot 5
    }
}
