namespace Lathe.Metrics;

/// <summary>Regression scores from true and predicted values.</summary>
public static class RegressionMetrics
{
    public static double Mse(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted)
    {
        CheckLengths(truth.Length, predicted.Length);
        double sum = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            double d = truth[i] - predicted[i];
            sum += d * d;
        }
        return sum / truth.Length;
    }

    public static double Rmse(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted) => Math.Sqrt(Mse(truth, predicted));

    public static double Mae(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted)
    {
        CheckLengths(truth.Length, predicted.Length);
        double sum = 0;
        for (var i = 0; i < truth.Length; i++) sum += Math.Abs(truth[i] - predicted[i]);
        return sum / truth.Length;
    }

    /// <summary>
    /// Mean absolute percentage error as a fraction (0.1 = 10 %): mean of |y − ŷ| / max(|y|, ε) with ε the
    /// double machine epsilon, like scikit-learn's mean_absolute_percentage_error, so a zero truth gives a
    /// huge but finite term instead of infinity.
    /// </summary>
    public static double Mape(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted)
    {
        CheckLengths(truth.Length, predicted.Length);
        double sum = 0;
        for (var i = 0; i < truth.Length; i++)
            sum += Math.Abs((double)truth[i] - predicted[i]) / Math.Max(Math.Abs((double)truth[i]), MachineEpsilon);
        return sum / truth.Length;
    }

    /// <summary>Coefficient of determination: 1 − SS_res / SS_tot (can be negative; NaN for a constant truth).</summary>
    public static double R2(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted)
    {
        CheckLengths(truth.Length, predicted.Length);
        double mean = 0;
        foreach (var t in truth) mean += t;
        mean /= truth.Length;
        double residual = 0, total = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            residual += (truth[i] - predicted[i]) * (double)(truth[i] - predicted[i]);
            total += (truth[i] - mean) * (truth[i] - mean);
        }
        return total == 0 ? double.NaN : 1 - residual / total;
    }

    // numpy's finfo(float64).eps, 2^-52 (not .NET's double.Epsilon, the smallest subnormal).
    private const double MachineEpsilon = 2.220446049250313e-16;

    private static void CheckLengths(int expected, int actual)
    {
        if (expected != actual) throw new ArgumentException($"Length mismatch: {expected} expected, {actual} given.");
        if (expected == 0) throw new ArgumentException("No rows to score.");
    }
}
