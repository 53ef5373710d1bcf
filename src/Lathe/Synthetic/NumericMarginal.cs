using Lathe.Data;

namespace Lathe.Synthetic;

/// <summary>
/// A numeric column's distribution as its empirical CDF: the sorted values (interpolated between, so
/// samples stay within [min, max]), the share of missing values, and whether every value is a whole number
/// (then samples are rounded, so counts and codes stay whole).
/// </summary>
internal sealed class NumericMarginal
{
    private readonly double[] _sorted;

    public NumericMarginal(NumericColumn column)
    {
        var present = new List<double>(column.Length);
        foreach (var v in column.Values) if (!float.IsNaN(v)) present.Add(v);
        _sorted = [.. present.Order()];
        MissingShare = column.Length == 0 ? 0 : (double)(column.Length - _sorted.Length) / column.Length;
        IsWhole = _sorted.Length > 0 && _sorted.All(v => v == Math.Round(v));
    }

    public double MissingShare { get; }

    public bool IsWhole { get; }

    public bool AllMissing => _sorted.Length == 0;

    /// <summary>
    /// Normal scores Φ⁻¹((rank − ½)/n) of a column's values against this marginal, ties sharing their mean
    /// rank; NaN where a value is missing.
    /// </summary>
    public double[] NormalScores(NumericColumn column)
    {
        var n = _sorted.Length;
        var scores = new double[column.Length];
        for (var r = 0; r < scores.Length; r++)
        {
            var v = column[r];
            if (float.IsNaN(v)) { scores[r] = double.NaN; continue; }
            var below = LowerBound(v);
            var equal = UpperBound(v) - below;
            var rank = below + (equal + 1) / 2.0; // mean 1-based rank of the tied run
            scores[r] = StandardNormal.Quantile((rank - 0.5) / n);
        }
        return scores;
    }

    /// <summary>The value at probability <paramref name="u"/>: the inverse of the interpolated empirical CDF.</summary>
    public float Inverse(double u)
    {
        var n = _sorted.Length;
        var position = Math.Clamp(u * n - 0.5, 0, n - 1);
        var i = (int)Math.Floor(position);
        var value = i >= n - 1 ? _sorted[n - 1] : _sorted[i] + (position - i) * (_sorted[i + 1] - _sorted[i]);
        return (float)(IsWhole ? Math.Round(value) : value);
    }

    private int LowerBound(double v)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (_sorted[mid] < v) lo = mid + 1; else hi = mid; }
        return lo;
    }

    private int UpperBound(double v)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (_sorted[mid] <= v) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
