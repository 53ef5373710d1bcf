namespace Lathe.Diagnosis;

/// <summary>
/// The expected change of the validation score from twice as many training rows, extrapolated from a
/// learning curve over training-set size: the validation error (1 − score) is fitted as a power law of the
/// row count, err(n) = a·n^b (a straight line in log–log space, by least squares), and evaluated at 2N. The
/// uncertainty is the line's prediction interval (±1 standard error) at 2N, carried back to score units.
/// </summary>
public sealed record DataSufficiency(int Rows, double Score, double ScoreAtTwice, double Low, double High, double Exponent)
{
    /// <summary>Expected gain in score from doubling the rows.</summary>
    public double Gain => ScoreAtTwice - Score;

    /// <param name="rows">Training rows of each curve point (at least three distinct).</param>
    /// <param name="scores">Mean validation score at each point, higher is better, at most 1 (accuracy, r2).</param>
    public static DataSufficiency? Estimate(IReadOnlyList<int> rows, IReadOnlyList<double> scores)
    {
        var points = rows.Zip(scores).Where(p => p.First > 0 && double.IsFinite(p.Second)).ToList();
        if (points.Select(p => p.First).Distinct().Count() < 3) return null;
        // Errors of 0 (a perfect score on a small validation part) are floored, or the logarithm would be −∞.
        var x = points.Select(p => Math.Log(p.First)).ToArray();
        var y = points.Select(p => Math.Log(Math.Max(1 - p.Second, 1e-3))).ToArray();
        var m = x.Length;
        var (meanX, meanY) = (x.Average(), y.Average());
        var sxx = x.Sum(v => (v - meanX) * (v - meanX));
        var slope = x.Zip(y).Sum(p => (p.First - meanX) * (p.Second - meanY)) / sxx;
        var intercept = meanY - slope * meanX;
        var residual = Math.Sqrt(x.Zip(y).Sum(p => Math.Pow(p.Second - (intercept + slope * p.First), 2)) / Math.Max(m - 2, 1));
        var largest = points.Max(p => p.First);
        var at = Math.Log(2.0 * largest);
        var predicted = intercept + slope * at;
        var spread = residual * Math.Sqrt(1 + 1.0 / m + (at - meanX) * (at - meanX) / sxx);
        var score = points.Where(p => p.First == largest).Average(p => p.Second);
        return new DataSufficiency(largest, score, 1 - Math.Exp(predicted), 1 - Math.Exp(predicted + spread), 1 - Math.Exp(predicted - spread), slope);
    }
}
