using System.Runtime.CompilerServices;

namespace Lathe.Models.Clustering;

/// <summary>
/// Rows sorted along their widest coordinate (the one with the largest variance), for radius queries: rows
/// within eps of a query lie within eps of it along that coordinate too, so a query scans only that slice
/// (all rows at worst) and measures the Euclidean distances with SIMD. Simple, exact, and fast in low dimensions.
/// </summary>
internal sealed class SortedRows
{
    private readonly float[] _x;
    private readonly int _width;
    private readonly int _axis;
    private readonly int[] _order;
    private readonly float[] _keys;

    public SortedRows(float[] x, int width)
    {
        (_x, _width) = (x, width);
        var rows = x.Length / width;
        _axis = Enumerable.Range(0, width).MaxBy(j => Variance(x, width, j));
        _order = [.. Enumerable.Range(0, rows)];
        _keys = [.. _order.Select(r => x[r * width + _axis])];
        Array.Sort(_keys, _order); // introsort is not stable: order equal keys by row below
        for (var start = 0; start < rows;)
        {
            var end = start + 1;
            while (end < rows && _keys[end] == _keys[start]) end++;
            if (end - start > 1) Array.Sort(_order, start, end - start);
            start = end;
        }
    }

    public int Count => _order.Length;

    /// <summary>Calls <paramref name="found"/> with the index and distance of every row within <paramref name="eps"/> of <paramref name="query"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Within(ReadOnlySpan<float> query, double eps, Action<int, float> found)
    {
        var key = query[_axis];
        for (var i = LowerBound(key - eps); i < _keys.Length && _keys[i] <= key + eps; i++)
        {
            var row = _order[i];
            var d = SimdKernels.Distance(query, new ReadOnlySpan<float>(_x, row * _width, _width));
            if (d <= eps) found(row, d);
        }
    }

    /// <summary>The nearest row within <paramref name="eps"/> (the earlier row on ties), or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (int Row, float Distance) NearestWithin(ReadOnlySpan<float> query, double eps)
    {
        var (best, bestDistance) = (-1, float.PositiveInfinity);
        var key = query[_axis];
        for (var i = LowerBound(key - eps); i < _keys.Length && _keys[i] <= key + eps; i++)
        {
            var row = _order[i];
            var d = SimdKernels.Distance(query, new ReadOnlySpan<float>(_x, row * _width, _width));
            if (d <= eps && (d < bestDistance || (d == bestDistance && row < best))) (best, bestDistance) = (row, d);
        }
        return (best, bestDistance);
    }

    /// <summary>The distance to the nearest row, scanning all of them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float NearestDistance(ReadOnlySpan<float> query)
    {
        var best = float.PositiveInfinity;
        for (var row = 0; row < _order.Length; row++)
            best = Math.Min(best, SimdKernels.Distance(query, new ReadOnlySpan<float>(_x, row * _width, _width)));
        return best;
    }

    /// <summary>The first position whose key is at least <paramref name="value"/>.</summary>
    private int LowerBound(double value)
    {
        var (lo, hi) = (0, _keys.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_keys[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static double Variance(float[] x, int width, int j)
    {
        var rows = x.Length / width;
        double sum = 0, squares = 0;
        for (var r = 0; r < rows; r++)
        {
            double v = x[r * width + j];
            sum += v;
            squares += v * v;
        }
        return rows == 0 ? 0 : squares / rows - sum / rows * (sum / rows);
    }
}
