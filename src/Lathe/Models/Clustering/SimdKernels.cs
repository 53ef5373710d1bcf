using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Lathe.Models.Clustering;

/// <summary>
/// The SIMD loops clustering spends its time in: dot products of a row with every row of a small matrix
/// (the centres), four at a time, so the row is loaded once per four products and the four sums run side by
/// side; distances; and adding a row into a sum. They are compiled fully optimised from the first call
/// (AggressiveOptimization): a fit lasts milliseconds, and TensorPrimitives' generic routines were measured
/// here running 10× slower than their optimised form for the first million or so calls, before the tiered JIT
/// promoted them. Rows shorter than one vector use plain loops.
/// </summary>
internal static class SimdKernels
{
    /// <summary>dots[i] = row · (row i of <paramref name="matrix"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dots(ReadOnlySpan<float> row, ReadOnlySpan<float> matrix, Span<float> dots)
    {
        var width = row.Length;
        var count = dots.Length;
        if (width < Vector256<float>.Count)
        {
            // A few coordinates: a plain loop beats the call overhead of a SIMD routine.
            for (var i = 0; i < count; i++)
            {
                var other = matrix.Slice(i * width, width);
                var sum = 0f;
                for (var j = 0; j < width; j++) sum += row[j] * other[j];
                dots[i] = sum;
            }
            return;
        }
        if (!Vector256.IsHardwareAccelerated)
        {
            for (var i = 0; i < count; i++) dots[i] = TensorPrimitives.Dot(row, matrix.Slice(i * width, width));
            return;
        }
        ref var x = ref MemoryMarshal.GetReference(row);
        ref var m = ref MemoryMarshal.GetReference(matrix);
        var vectorEnd = width - width % Vector256<float>.Count;
        var at = 0;
        for (; at + 4 <= count; at += 4)
        {
            ref var m0 = ref Unsafe.Add(ref m, at * width);
            ref var m1 = ref Unsafe.Add(ref m0, width);
            ref var m2 = ref Unsafe.Add(ref m1, width);
            ref var m3 = ref Unsafe.Add(ref m2, width);
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (var j = 0; j < vectorEnd; j += Vector256<float>.Count)
            {
                var v = Vector256.LoadUnsafe(ref x, (nuint)j);
                a0 = Vector256.MultiplyAddEstimate(v, Vector256.LoadUnsafe(ref m0, (nuint)j), a0);
                a1 = Vector256.MultiplyAddEstimate(v, Vector256.LoadUnsafe(ref m1, (nuint)j), a1);
                a2 = Vector256.MultiplyAddEstimate(v, Vector256.LoadUnsafe(ref m2, (nuint)j), a2);
                a3 = Vector256.MultiplyAddEstimate(v, Vector256.LoadUnsafe(ref m3, (nuint)j), a3);
            }
            float s0 = Vector256.Sum(a0), s1 = Vector256.Sum(a1), s2 = Vector256.Sum(a2), s3 = Vector256.Sum(a3);
            for (var j = vectorEnd; j < width; j++)
            {
                var v = Unsafe.Add(ref x, j);
                s0 += v * Unsafe.Add(ref m0, j);
                s1 += v * Unsafe.Add(ref m1, j);
                s2 += v * Unsafe.Add(ref m2, j);
                s3 += v * Unsafe.Add(ref m3, j);
            }
            (dots[at], dots[at + 1], dots[at + 2], dots[at + 3]) = (s0, s1, s2, s3);
        }
        for (; at < count; at++)
        {
            ref var m0 = ref Unsafe.Add(ref m, at * width);
            Vector256<float> a0 = default;
            for (var j = 0; j < vectorEnd; j += Vector256<float>.Count)
                a0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref x, (nuint)j), Vector256.LoadUnsafe(ref m0, (nuint)j), a0);
            var s0 = Vector256.Sum(a0);
            for (var j = vectorEnd; j < width; j++) s0 += Unsafe.Add(ref x, j) * Unsafe.Add(ref m0, j);
            dots[at] = s0;
        }
    }

    /// <summary>
    /// <see cref="Dots"/> for two rows at once: each matrix row is loaded once for both, which halves the
    /// loads per product. Rows must be at least one vector long.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DotsOfPair(ReadOnlySpan<float> first, ReadOnlySpan<float> second, ReadOnlySpan<float> matrix, Span<float> dots0, Span<float> dots1)
    {
        var width = first.Length;
        var count = dots0.Length;
        ref var x = ref MemoryMarshal.GetReference(first);
        ref var y = ref MemoryMarshal.GetReference(second);
        ref var m = ref MemoryMarshal.GetReference(matrix);
        var vectorEnd = width - width % Vector256<float>.Count;
        var at = 0;
        for (; at + 4 <= count; at += 4)
        {
            ref var m0 = ref Unsafe.Add(ref m, at * width);
            ref var m1 = ref Unsafe.Add(ref m0, width);
            ref var m2 = ref Unsafe.Add(ref m1, width);
            ref var m3 = ref Unsafe.Add(ref m2, width);
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, b0 = default, b1 = default, b2 = default, b3 = default;
            for (var j = 0; j < vectorEnd; j += Vector256<float>.Count)
            {
                var u = Vector256.LoadUnsafe(ref x, (nuint)j);
                var v = Vector256.LoadUnsafe(ref y, (nuint)j);
                var c = Vector256.LoadUnsafe(ref m0, (nuint)j);
                a0 = Vector256.MultiplyAddEstimate(u, c, a0);
                b0 = Vector256.MultiplyAddEstimate(v, c, b0);
                c = Vector256.LoadUnsafe(ref m1, (nuint)j);
                a1 = Vector256.MultiplyAddEstimate(u, c, a1);
                b1 = Vector256.MultiplyAddEstimate(v, c, b1);
                c = Vector256.LoadUnsafe(ref m2, (nuint)j);
                a2 = Vector256.MultiplyAddEstimate(u, c, a2);
                b2 = Vector256.MultiplyAddEstimate(v, c, b2);
                c = Vector256.LoadUnsafe(ref m3, (nuint)j);
                a3 = Vector256.MultiplyAddEstimate(u, c, a3);
                b3 = Vector256.MultiplyAddEstimate(v, c, b3);
            }
            float s0 = Vector256.Sum(a0), s1 = Vector256.Sum(a1), s2 = Vector256.Sum(a2), s3 = Vector256.Sum(a3);
            float t0 = Vector256.Sum(b0), t1 = Vector256.Sum(b1), t2 = Vector256.Sum(b2), t3 = Vector256.Sum(b3);
            for (var j = vectorEnd; j < width; j++)
            {
                var (u, v) = (Unsafe.Add(ref x, j), Unsafe.Add(ref y, j));
                s0 += u * Unsafe.Add(ref m0, j);
                s1 += u * Unsafe.Add(ref m1, j);
                s2 += u * Unsafe.Add(ref m2, j);
                s3 += u * Unsafe.Add(ref m3, j);
                t0 += v * Unsafe.Add(ref m0, j);
                t1 += v * Unsafe.Add(ref m1, j);
                t2 += v * Unsafe.Add(ref m2, j);
                t3 += v * Unsafe.Add(ref m3, j);
            }
            (dots0[at], dots0[at + 1], dots0[at + 2], dots0[at + 3]) = (s0, s1, s2, s3);
            (dots1[at], dots1[at + 1], dots1[at + 2], dots1[at + 3]) = (t0, t1, t2, t3);
        }
        if (at < count)
        {
            Dots(first, matrix[(at * width)..], dots0[at..]);
            Dots(second, matrix[(at * width)..], dots1[at..]);
        }
    }

    /// <summary>sum += row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddInto(Span<float> sum, ReadOnlySpan<float> row)
    {
        var j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var s = ref MemoryMarshal.GetReference(sum);
            ref var x = ref MemoryMarshal.GetReference(row);
            for (; j + Vector256<float>.Count <= row.Length; j += Vector256<float>.Count)
                (Vector256.LoadUnsafe(ref s, (nuint)j) + Vector256.LoadUnsafe(ref x, (nuint)j)).StoreUnsafe(ref s, (nuint)j);
        }
        for (; j < row.Length; j++) sum[j] += row[j];
    }

    /// <summary>The Euclidean distance between two rows, from the differences (exact, unlike the squared-norm trick).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var j = 0;
        var total = 0f;
        if (Vector256.IsHardwareAccelerated && a.Length >= Vector256<float>.Count)
        {
            ref var x = ref MemoryMarshal.GetReference(a);
            ref var y = ref MemoryMarshal.GetReference(b);
            var acc = Vector256<float>.Zero;
            for (; j + Vector256<float>.Count <= a.Length; j += Vector256<float>.Count)
            {
                var gap = Vector256.LoadUnsafe(ref x, (nuint)j) - Vector256.LoadUnsafe(ref y, (nuint)j);
                acc = Vector256.MultiplyAddEstimate(gap, gap, acc);
            }
            total = Vector256.Sum(acc);
        }
        for (; j < a.Length; j++)
        {
            var gap = a[j] - b[j];
            total += gap * gap;
        }
        return MathF.Sqrt(total);
    }

    /// <summary>a · b in double precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var j = 0;
        var total = 0.0;
        if (Vector256.IsHardwareAccelerated && a.Length >= 2 * Vector256<double>.Count)
        {
            ref var x = ref MemoryMarshal.GetReference(a);
            ref var y = ref MemoryMarshal.GetReference(b);
            Vector256<double> acc0 = default, acc1 = default;
            for (; j + 2 * Vector256<double>.Count <= a.Length; j += 2 * Vector256<double>.Count)
            {
                acc0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref x, (nuint)j), Vector256.LoadUnsafe(ref y, (nuint)j), acc0);
                acc1 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref x, (nuint)(j + Vector256<double>.Count)),
                    Vector256.LoadUnsafe(ref y, (nuint)(j + Vector256<double>.Count)), acc1);
            }
            total = Vector256.Sum(acc0 + acc1);
        }
        for (; j < a.Length; j++) total += a[j] * b[j];
        return total;
    }
}
