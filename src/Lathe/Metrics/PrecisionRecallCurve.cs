namespace Lathe.Metrics;

/// <summary>
/// Points of a precision–recall curve in scikit-learn 1.2's order: thresholds increasing (recall
/// decreasing), then a last point (precision 1, recall 0) that has no threshold, so Thresholds is one
/// shorter than Precision and Recall. A row is predicted positive when its score is ≥ the threshold.
/// </summary>
public sealed record PrecisionRecallCurve(double[] Precision, double[] Recall, float[] Thresholds);
