using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Lathe.Models.Svm;

/// <summary>
/// Dot products of rows against rows (a small matrix product A·Bᵀ) with SIMD. Rows are taken two from A and
/// four from B at a time, so each vector load feeds several multiply-adds: predicting (every row against
/// every support vector) runs several times faster than one dot product per pair. Every pair is summed in
/// the same order whichever path computes it (blocked or not), so a row's result never depends on its
/// neighbours in the batch.
/// </summary>
internal static class DotProducts
{
    private static readonly int Lanes = Vector256<float>.Count;

    /// <summary>Bytes of B rows worked on at once: about half a core's L2 cache.</summary>
    private const int TileBytes = 256 * 1024;

    /// <summary>‖x_r‖² of every row of a row-major matrix, summed like every other dot product here.</summary>
    public static float[] SquaredNorms(float[] x, int width)
    {
        var norms = new float[width == 0 ? 0 : x.Length / width];
        for (var r = 0; r < norms.Length; r++) norms[r] = Dot(ref x[r * width], ref x[r * width], width);
        return norms;
    }

    /// <summary>
    /// into[i·bRows.Length + j] = x_aRows[i] · y_bRows[j], rows of the row-major matrices <paramref name="x"/> and
    /// <paramref name="y"/> (<paramref name="width"/> values each).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(float[] x, ReadOnlySpan<int> aRows, float[] y, ReadOnlySpan<int> bRows, int width, Span<float> into)
    {
        var n = bRows.Length;
        if (width == 0)
        {
            into[..(aRows.Length * n)].Clear();
            return;
        }
        // B in tiles that stay in cache while every A row passes over them (B can be far larger than the caches).
        var tile = Math.Max(4, TileBytes / (width * sizeof(float)) / 4 * 4);
        for (var from = 0; from < n; from += tile)
        {
            var count = Math.Min(tile, n - from);
            var b = bRows.Slice(from, count);
            var i = 0;
            for (; i + 2 <= aRows.Length; i += 2)
            {
                ref var a0 = ref x[aRows[i] * width];
                ref var a1 = ref x[aRows[i + 1] * width];
                var j = 0;
                for (; j + 4 <= count; j += 4) Block2x4(ref a0, ref a1, y, b.Slice(j, 4), width, into.Slice(i * n + from + j), n);
                for (; j < count; j++)
                {
                    ref var bj = ref y[b[j] * width];
                    into[i * n + from + j] = Dot(ref a0, ref bj, width);
                    into[(i + 1) * n + from + j] = Dot(ref a1, ref bj, width);
                }
            }
            for (; i < aRows.Length; i++)
            {
                ref var a = ref x[aRows[i] * width];
                var j = 0;
                for (; j + 4 <= count; j += 4) Block1x4(ref a, y, b.Slice(j, 4), width, into.Slice(i * n + from + j));
                for (; j < count; j++) into[i * n + from + j] = Dot(ref a, ref y[b[j] * width], width);
            }
        }
    }

    /// <summary>One dot product, summed in the same order as <see cref="Block2x4"/>: 8 lanes, then the lanes, then the tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Dot(ref float a, ref float b, int width)
    {
        var k = 0;
        var sum = 0f;
        if (Vector256.IsHardwareAccelerated && width >= Lanes)
        {
            var c = Vector256<float>.Zero;
            for (; k + Lanes <= width; k += Lanes)
                c = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)k), Vector256.LoadUnsafe(ref b, (nuint)k), c);
            sum = Vector256.Sum(c);
        }
        for (; k < width; k++) sum += Unsafe.Add(ref a, k) * Unsafe.Add(ref b, k);
        return sum;
    }

    /// <summary>One row against four (a kernel column, row by row): the row's loads are shared by four sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block1x4(ref float a, float[] y, ReadOnlySpan<int> b, int width, Span<float> into)
    {
        if (!Vector256.IsHardwareAccelerated || width < Lanes)
        {
            for (var j = 0; j < 4; j++) into[j] = Dot(ref a, ref y[b[j] * width], width);
            return;
        }
        ref var b0 = ref y[b[0] * width];
        ref var b1 = ref y[b[1] * width];
        ref var b2 = ref y[b[2] * width];
        ref var b3 = ref y[b[3] * width];
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default;
        var k = 0;
        for (; k + Lanes <= width; k += Lanes)
        {
            var offset = (nuint)k;
            var v = Vector256.LoadUnsafe(ref a, offset);
            c0 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref b0, offset), c0);
            c1 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref b1, offset), c1);
            c2 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref b2, offset), c2);
            c3 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref b3, offset), c3);
        }
        float s0 = Vector256.Sum(c0), s1 = Vector256.Sum(c1), s2 = Vector256.Sum(c2), s3 = Vector256.Sum(c3);
        for (; k < width; k++)
        {
            var v = Unsafe.Add(ref a, k);
            s0 += v * Unsafe.Add(ref b0, k); s1 += v * Unsafe.Add(ref b1, k); s2 += v * Unsafe.Add(ref b2, k); s3 += v * Unsafe.Add(ref b3, k);
        }
        into[0] = s0; into[1] = s1; into[2] = s2; into[3] = s3;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block2x4(ref float a0, ref float a1, float[] y, ReadOnlySpan<int> b, int width, Span<float> into, int stride)
    {
        if (!Vector256.IsHardwareAccelerated || width < Lanes)
        {
            for (var j = 0; j < 4; j++)
            {
                into[j] = Dot(ref a0, ref y[b[j] * width], width);
                into[stride + j] = Dot(ref a1, ref y[b[j] * width], width);
            }
            return;
        }
        ref var b0 = ref y[b[0] * width];
        ref var b1 = ref y[b[1] * width];
        ref var b2 = ref y[b[2] * width];
        ref var b3 = ref y[b[3] * width];
        Vector256<float> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector256<float> c10 = default, c11 = default, c12 = default, c13 = default;
        var k = 0;
        for (; k + Lanes <= width; k += Lanes)
        {
            var offset = (nuint)k;
            var v0 = Vector256.LoadUnsafe(ref a0, offset);
            var v1 = Vector256.LoadUnsafe(ref a1, offset);
            var w = Vector256.LoadUnsafe(ref b0, offset);
            c00 = Vector256.FusedMultiplyAdd(v0, w, c00);
            c10 = Vector256.FusedMultiplyAdd(v1, w, c10);
            w = Vector256.LoadUnsafe(ref b1, offset);
            c01 = Vector256.FusedMultiplyAdd(v0, w, c01);
            c11 = Vector256.FusedMultiplyAdd(v1, w, c11);
            w = Vector256.LoadUnsafe(ref b2, offset);
            c02 = Vector256.FusedMultiplyAdd(v0, w, c02);
            c12 = Vector256.FusedMultiplyAdd(v1, w, c12);
            w = Vector256.LoadUnsafe(ref b3, offset);
            c03 = Vector256.FusedMultiplyAdd(v0, w, c03);
            c13 = Vector256.FusedMultiplyAdd(v1, w, c13);
        }
        float s00 = Vector256.Sum(c00), s01 = Vector256.Sum(c01), s02 = Vector256.Sum(c02), s03 = Vector256.Sum(c03);
        float s10 = Vector256.Sum(c10), s11 = Vector256.Sum(c11), s12 = Vector256.Sum(c12), s13 = Vector256.Sum(c13);
        for (; k < width; k++)
        {
            float v0 = Unsafe.Add(ref a0, k), v1 = Unsafe.Add(ref a1, k);
            float w0 = Unsafe.Add(ref b0, k), w1 = Unsafe.Add(ref b1, k), w2 = Unsafe.Add(ref b2, k), w3 = Unsafe.Add(ref b3, k);
            s00 += v0 * w0; s01 += v0 * w1; s02 += v0 * w2; s03 += v0 * w3;
            s10 += v1 * w0; s11 += v1 * w1; s12 += v1 * w2; s13 += v1 * w3;
        }
        into[0] = s00; into[1] = s01; into[2] = s02; into[3] = s03;
        into[stride] = s10; into[stride + 1] = s11; into[stride + 2] = s12; into[stride + 3] = s13;
    }
}
