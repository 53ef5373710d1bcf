namespace Lathe.Synthetic;

/// <summary>
/// How far a synthetic column's distribution is from the real one. Numeric: <see cref="Distance"/> is the
/// Kolmogorov–Smirnov statistic (largest gap between the two CDFs, 0 to 1) and <see cref="Wasserstein"/> the
/// earth mover's distance in the column's units. Categorical: <see cref="Distance"/> is the total variation
/// distance (half the summed absolute differences of category shares, missing counted as a category, 0 to 1).
/// </summary>
public sealed record ColumnFidelity(string Column, string Kind, string Measure, double Distance, double? Wasserstein,
    double RealMissing, double SyntheticMissing);
