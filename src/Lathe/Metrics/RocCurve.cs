namespace Lathe.Metrics;

/// <summary>
/// Points of a receiver operating characteristic curve, one per threshold, thresholds decreasing, starting
/// at (0, 0). Thresholds[0] is the highest score + 1 (scikit-learn 1.2; 1.3 and later write +∞ there), so no
/// row scores at or above it. A row is predicted positive when its score is ≥ the threshold.
/// </summary>
public sealed record RocCurve(double[] FalsePositiveRate, double[] TruePositiveRate, float[] Thresholds);
