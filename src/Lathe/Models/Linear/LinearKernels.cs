using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lathe.Models.Linear;

/// <summary>
/// The inner loops of the linear models, in double precision on a small block of rows (row-major, widened
/// from float32 once per block so it stays in cache while every output uses it): scores Z = X·Wᵀ and the
/// gradient update G += Rᵀ·X. Both work on tiles of four rows × two outputs, so each vector of X and of W
/// (or G) is loaded once for eight fused multiply-adds.
/// </summary>
internal static class LinearKernels
{
    /// <summary>Rows per block: 8 rows of 784 doubles (an image) are 50 KB, about the size of a core's L1/L2 working set.</summary>
    public const int BlockRows = 8;

    /// <summary>destination[i] = (double)source[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Widen(ReadOnlySpan<float> source, Span<double> destination)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<float>.Count)
        {
            var from = MemoryMarshal.Cast<float, Vector<float>>(source);
            var to = MemoryMarshal.Cast<double, Vector<double>>(destination[..(from.Length * Vector<float>.Count)]);
            for (var v = 0; v < from.Length; v++) Vector.Widen(from[v], out to[2 * v], out to[2 * v + 1]);
            i = from.Length * Vector<float>.Count;
        }
        for (; i < source.Length; i++) destination[i] = source[i];
    }

    /// <summary>z[r, k] = Σⱼ x[r, j]·w[k, j] (+ b[k] when given) for the rows of block x (rows × width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scores(ReadOnlySpan<double> x, int width, ReadOnlySpan<double> w, ReadOnlySpan<double> b, int outputs, Span<double> z)
    {
        var rows = x.Length / width;
        Span<double> tile = stackalloc double[8];
        var r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            var block = x.Slice(r * width, 4 * width);
            var k = 0;
            for (; k + 2 <= outputs; k += 2)
            {
                Tile(block, width, w.Slice(k * width, width), w.Slice((k + 1) * width, width), tile);
                for (var i = 0; i < 4; i++)
                {
                    z[(r + i) * outputs + k] = tile[i];
                    z[(r + i) * outputs + k + 1] = tile[4 + i];
                }
            }
            for (; k < outputs; k++)
                for (var i = 0; i < 4; i++) z[(r + i) * outputs + k] = Dot(block.Slice(i * width, width), w.Slice(k * width, width));
        }
        for (; r < rows; r++)
            for (var k = 0; k < outputs; k++) z[r * outputs + k] = Dot(x.Slice(r * width, width), w.Slice(k * width, width));
        if (b.IsEmpty) return;
        for (r = 0; r < rows; r++)
            for (var k = 0; k < outputs; k++) z[r * outputs + k] += b[k];
    }

    /// <summary>g[k, j] += Σᵣ residual[r, k]·x[r, j] over the rows of block x (rows × width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddGradient(ReadOnlySpan<double> x, int width, ReadOnlySpan<double> residual, int outputs, Span<double> g)
    {
        var rows = x.Length / width;
        var r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            var block = x.Slice(r * width, 4 * width);
            var k = 0;
            for (; k + 2 <= outputs; k += 2)
                AddTile(block, width, residual.Slice(r * outputs), outputs, k, g.Slice(k * width, width), g.Slice((k + 1) * width, width));
            for (; k < outputs; k++)
                for (var i = 0; i < 4; i++) AddScaled(g.Slice(k * width, width), residual[(r + i) * outputs + k], block.Slice(i * width, width));
        }
        for (; r < rows; r++)
            for (var k = 0; k < outputs; k++) AddScaled(g.Slice(k * width, width), residual[r * outputs + k], x.Slice(r * width, width));
    }

    /// <summary>Dot products of four consecutive rows with two weight rows: result[i] with w0, result[4 + i] with w1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile(ReadOnlySpan<double> x, int width, ReadOnlySpan<double> w0, ReadOnlySpan<double> w1, Span<double> result)
    {
        var count = Vector.IsHardwareAccelerated ? width / Vector<double>.Count : 0;
        var done = count * Vector<double>.Count;
        var x0 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(0, done));
        var x1 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(width, done));
        var x2 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(2 * width, done));
        var x3 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(3 * width, done));
        var p = MemoryMarshal.Cast<double, Vector<double>>(w0[..done]);
        var q = MemoryMarshal.Cast<double, Vector<double>>(w1[..done]);
        Vector<double> a0 = default, a1 = default, a2 = default, a3 = default, c0 = default, c1 = default, c2 = default, c3 = default;
        for (var v = 0; v < count; v++)
        {
            var (pv, qv) = (p[v], q[v]);
            var e = x0[v];
            a0 = Vector.FusedMultiplyAdd(e, pv, a0);
            c0 = Vector.FusedMultiplyAdd(e, qv, c0);
            e = x1[v];
            a1 = Vector.FusedMultiplyAdd(e, pv, a1);
            c1 = Vector.FusedMultiplyAdd(e, qv, c1);
            e = x2[v];
            a2 = Vector.FusedMultiplyAdd(e, pv, a2);
            c2 = Vector.FusedMultiplyAdd(e, qv, c2);
            e = x3[v];
            a3 = Vector.FusedMultiplyAdd(e, pv, a3);
            c3 = Vector.FusedMultiplyAdd(e, qv, c3);
        }
        (result[0], result[1], result[2], result[3]) = (Vector.Sum(a0), Vector.Sum(a1), Vector.Sum(a2), Vector.Sum(a3));
        (result[4], result[5], result[6], result[7]) = (Vector.Sum(c0), Vector.Sum(c1), Vector.Sum(c2), Vector.Sum(c3));
        for (var j = done; j < width; j++)
        {
            var (pj, qj) = (w0[j], w1[j]);
            for (var i = 0; i < 4; i++)
            {
                result[i] += x[i * width + j] * pj;
                result[4 + i] += x[i * width + j] * qj;
            }
        }
    }

    /// <summary>g0 += Σᵢ residual[i, k]·xᵢ and g1 += Σᵢ residual[i, k+1]·xᵢ over four consecutive rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddTile(ReadOnlySpan<double> x, int width, ReadOnlySpan<double> residual, int outputs, int k, Span<double> g0, Span<double> g1)
    {
        var count = Vector.IsHardwareAccelerated ? width / Vector<double>.Count : 0;
        var done = count * Vector<double>.Count;
        var x0 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(0, done));
        var x1 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(width, done));
        var x2 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(2 * width, done));
        var x3 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(3 * width, done));
        var p = MemoryMarshal.Cast<double, Vector<double>>(g0[..done]);
        var q = MemoryMarshal.Cast<double, Vector<double>>(g1[..done]);
        var (p0, p1, p2, p3) = (new Vector<double>(residual[k]), new Vector<double>(residual[outputs + k]),
            new Vector<double>(residual[2 * outputs + k]), new Vector<double>(residual[3 * outputs + k]));
        var (q0, q1, q2, q3) = (new Vector<double>(residual[k + 1]), new Vector<double>(residual[outputs + k + 1]),
            new Vector<double>(residual[2 * outputs + k + 1]), new Vector<double>(residual[3 * outputs + k + 1]));
        for (var v = 0; v < count; v++)
        {
            var (e0, e1, e2, e3) = (x0[v], x1[v], x2[v], x3[v]);
            p[v] = Vector.FusedMultiplyAdd(e3, p3, Vector.FusedMultiplyAdd(e2, p2, Vector.FusedMultiplyAdd(e1, p1, Vector.FusedMultiplyAdd(e0, p0, p[v]))));
            q[v] = Vector.FusedMultiplyAdd(e3, q3, Vector.FusedMultiplyAdd(e2, q2, Vector.FusedMultiplyAdd(e1, q1, Vector.FusedMultiplyAdd(e0, q0, q[v]))));
        }
        for (var j = done; j < width; j++)
            for (var i = 0; i < 4; i++)
            {
                g0[j] += residual[i * outputs + k] * x[i * width + j];
                g1[j] += residual[i * outputs + k + 1] * x[i * width + j];
            }
    }

    /// <summary>Σ x[i]·w[i] over x's length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> w)
    {
        var count = Vector.IsHardwareAccelerated ? x.Length / Vector<double>.Count : 0;
        var done = count * Vector<double>.Count;
        var xs = MemoryMarshal.Cast<double, Vector<double>>(x[..done]);
        var ws = MemoryMarshal.Cast<double, Vector<double>>(w[..done]);
        Vector<double> sum = default;
        for (var v = 0; v < count; v++) sum = Vector.FusedMultiplyAdd(xs[v], ws[v], sum);
        var total = Vector.Sum(sum);
        for (var i = done; i < x.Length; i++) total += x[i] * w[i];
        return total;
    }

    /// <summary>g[i] += a·x[i] over x's length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(Span<double> g, double a, ReadOnlySpan<double> x)
    {
        var count = Vector.IsHardwareAccelerated ? x.Length / Vector<double>.Count : 0;
        var done = count * Vector<double>.Count;
        var xs = MemoryMarshal.Cast<double, Vector<double>>(x[..done]);
        var gs = MemoryMarshal.Cast<double, Vector<double>>(g[..done]);
        var scale = new Vector<double>(a);
        for (var v = 0; v < count; v++) gs[v] = Vector.FusedMultiplyAdd(xs[v], scale, gs[v]);
        for (var i = done; i < x.Length; i++) g[i] += a * x[i];
    }
}
