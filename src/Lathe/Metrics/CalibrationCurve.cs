namespace Lathe.Metrics;

/// <summary>
/// A reliability diagram: for each non-empty probability bin, in increasing order, the mean predicted
/// probability, the observed frequency of the event, and the number of rows in the bin. A calibrated model
/// has MeanPredicted ≈ ObservedFrequency.
/// </summary>
public sealed record CalibrationCurve(double[] MeanPredicted, double[] ObservedFrequency, int[] Count);
