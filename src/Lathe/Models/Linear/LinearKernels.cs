using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lathe.Models.Linear;

/// <summary>
/// The inner loops of the linear models, in double precision on a small block of rows (row-major, widened
/// from float32 once per block so it stays in cache while every output uses it): scores Z = X·Wᵀ and the
/// gradient update G += Rᵀ·X. Both take four rows at a time against two outputs at a time, so each vector of X
/// and of W (or G) loaded serves several fused multiply-adds.
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
        var r = 0;
        for (; r + 4 <= rows; r += 4) ScoresOfFour(x.Slice(r * width, 4 * width), width, w, outputs, z.Slice(r * outputs, 4 * outputs));
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
        for (; r + 4 <= rows; r += 4) AddGradientOfFour(x.Slice(r * width, 4 * width), width, residual.Slice(r * outputs, 4 * outputs), outputs, g);
        for (; r < rows; r++)
            for (var k = 0; k < outputs; k++) AddScaled(g.Slice(k * width, width), residual[r * outputs + k], x.Slice(r * width, width));
    }

    /// <summary>Scores of four consecutive rows against every weight row, two weight rows at a time (8 accumulators).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoresOfFour(ReadOnlySpan<double> x, int width, ReadOnlySpan<double> w, int outputs, Span<double> z)
    {
        var count = Vector.IsHardwareAccelerated ? width / Vector<double>.Count : 0;
        var done = count * Vector<double>.Count;
        var x0 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(0, done));
        var x1 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(width, done));
        var x2 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(2 * width, done));
        var x3 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(3 * width, done));
        var k = 0;
        for (; k + 2 <= outputs; k += 2)
        {
            var p = MemoryMarshal.Cast<double, Vector<double>>(w.Slice(k * width, done));
            var q = MemoryMarshal.Cast<double, Vector<double>>(w.Slice((k + 1) * width, done));
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
            (z[k], z[outputs + k], z[2 * outputs + k], z[3 * outputs + k]) = (Vector.Sum(a0), Vector.Sum(a1), Vector.Sum(a2), Vector.Sum(a3));
            (z[k + 1], z[outputs + k + 1], z[2 * outputs + k + 1], z[3 * outputs + k + 1]) = (Vector.Sum(c0), Vector.Sum(c1), Vector.Sum(c2), Vector.Sum(c3));
        }
        for (; k < outputs; k++)
        {
            var p = MemoryMarshal.Cast<double, Vector<double>>(w.Slice(k * width, done));
            Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
            for (var v = 0; v < count; v++)
            {
                var pv = p[v];
                a0 = Vector.FusedMultiplyAdd(x0[v], pv, a0);
                a1 = Vector.FusedMultiplyAdd(x1[v], pv, a1);
                a2 = Vector.FusedMultiplyAdd(x2[v], pv, a2);
                a3 = Vector.FusedMultiplyAdd(x3[v], pv, a3);
            }
            (z[k], z[outputs + k], z[2 * outputs + k], z[3 * outputs + k]) = (Vector.Sum(a0), Vector.Sum(a1), Vector.Sum(a2), Vector.Sum(a3));
        }
        for (var j = done; j < width; j++)
            for (k = 0; k < outputs; k++)
            {
                var wj = w[k * width + j];
                for (var i = 0; i < 4; i++) z[i * outputs + k] += x[i * width + j] * wj;
            }
    }

    /// <summary>g[k] += Σᵢ residual[i, k]·xᵢ over four consecutive rows, for every output, two at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddGradientOfFour(ReadOnlySpan<double> x, int width, ReadOnlySpan<double> residual, int outputs, Span<double> g)
    {
        var count = Vector.IsHardwareAccelerated ? width / Vector<double>.Count : 0;
        var done = count * Vector<double>.Count;
        var x0 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(0, done));
        var x1 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(width, done));
        var x2 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(2 * width, done));
        var x3 = MemoryMarshal.Cast<double, Vector<double>>(x.Slice(3 * width, done));
        var k = 0;
        for (; k + 2 <= outputs; k += 2)
        {
            var p = MemoryMarshal.Cast<double, Vector<double>>(g.Slice(k * width, done));
            var q = MemoryMarshal.Cast<double, Vector<double>>(g.Slice((k + 1) * width, done));
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
        }
        for (; k < outputs; k++)
        {
            var p = MemoryMarshal.Cast<double, Vector<double>>(g.Slice(k * width, done));
            var (p0, p1, p2, p3) = (new Vector<double>(residual[k]), new Vector<double>(residual[outputs + k]),
                new Vector<double>(residual[2 * outputs + k]), new Vector<double>(residual[3 * outputs + k]));
            for (var v = 0; v < count; v++)
                p[v] = Vector.FusedMultiplyAdd(x3[v], p3, Vector.FusedMultiplyAdd(x2[v], p2, Vector.FusedMultiplyAdd(x1[v], p1, Vector.FusedMultiplyAdd(x0[v], p0, p[v]))));
        }
        for (var j = done; j < width; j++)
            for (k = 0; k < outputs; k++)
                for (var i = 0; i < 4; i++) g[k * width + j] += residual[i * outputs + k] * x[i * width + j];
    }

    /// <summary>values[i] = e^values[i], vectorized (Vector.Exp: within an ulp or two of Math.Exp, about three times faster).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Exp(Span<double> values)
    {
        var count = Vector.IsHardwareAccelerated ? values.Length / Vector<double>.Count : 0;
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(values[..(count * Vector<double>.Count)]);
        for (var v = 0; v < count; v++) vectors[v] = Vector.Exp(vectors[v]);
        for (var i = count * Vector<double>.Count; i < values.Length; i++) values[i] = Math.Exp(values[i]);
    }

    /// <summary>Σ x[i]·w[i] over x's length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> w)
    {
        var count = Vector.IsHardwareAccelerated ? x.Length / Vector<double>.Count : 0;
        var done = count * Vector<double>.Count;
        var xs = MemoryMarshal.Cast<double, Vector<double>>(x[..done]);
        var ws = MemoryMarshal.Cast<double, Vector<double>>(w[..done]);
        Vector<double> s0 = default, s1 = default, s2 = default, s3 = default; // four chains hide the FMA latency
        var v = 0;
        for (; v + 4 <= count; v += 4)
        {
            s0 = Vector.FusedMultiplyAdd(xs[v], ws[v], s0);
            s1 = Vector.FusedMultiplyAdd(xs[v + 1], ws[v + 1], s1);
            s2 = Vector.FusedMultiplyAdd(xs[v + 2], ws[v + 2], s2);
            s3 = Vector.FusedMultiplyAdd(xs[v + 3], ws[v + 3], s3);
        }
        for (; v < count; v++) s0 = Vector.FusedMultiplyAdd(xs[v], ws[v], s0);
        var total = Vector.Sum(s0 + s1 + (s2 + s3));
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
