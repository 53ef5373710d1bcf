using Lathe.Data;

namespace Lathe.Synthetic;

/// <summary>
/// A numeric column's distribution as its empirical CDF: the sorted values (interpolated between, so
/// samples stay within [min, max]), the share of missing values, and the decimals the values are written
/// with (samples are rounded to them, so counts stay whole and a column of one-decimal measurements stays so).
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
        Decimals = DecimalsOf(_sorted);
    }

    public double MissingShare { get; }

    /// <summary>Decimals every value fits in (0 for whole numbers); null when some value needs more than 6.</summary>
    public int? Decimals { get; }

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
        return (float)(Decimals is { } d ? Math.Round(value, d) : value);
    }

    private static int? DecimalsOf(double[] values)
    {
        if (values.Length == 0) return null;
        for (var d = 0; d <= 6; d++)
        {
            var scale = Math.Pow(10, d);
            // float32 is off by at most half a unit in the last place (6e-8 relative): 5.1f is 5.0999999, still one decimal.
            if (values.All(v => Math.Abs(v * scale - Math.Round(v * scale)) <= 2e-7 * Math.Abs(v * scale))) return d;
        }
        return null;
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
