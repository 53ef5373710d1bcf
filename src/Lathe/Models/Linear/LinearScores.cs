using System.Buffers;
using System.Runtime.CompilerServices;

namespace Lathe.Models.Linear;

/// <summary>
/// Scores of a linear model: z[r, k] = b[k] + Σⱼ x[r, j]·W[k, j] for row-major float32 rows and
/// row-major float64 weights (outputs × width), in blocks of rows widened to double (see
/// <see cref="LinearKernels"/>); large inputs are split into row chunks computed in parallel.
/// </summary>
internal static class LinearScores
{
    /// <summary>Below this many multiply-adds a single thread is faster than starting tasks.</summary>
    private const long ParallelWork = 1 << 18;

    /// <summary>Scores of every row of <paramref name="x"/> (rows × outputs, row-major).</summary>
    public static double[] Of(float[] x, int width, double[] weights, ReadOnlySpan<double> intercepts, int outputs)
    {
        var rows = width == 0 ? 0 : x.Length / width;
        var z = new double[rows * outputs];
        var chunks = ChunkCount(rows, (long)width * outputs);
        var rowsPerChunk = (rows + chunks - 1) / Math.Max(chunks, 1);
        var b = intercepts.ToArray();
        if (chunks <= 1)
            Compute(x, width, weights, b, outputs, z);
        else
            Parallel.For(0, chunks, c =>
            {
                var from = c * rowsPerChunk;
                var to = Math.Min(rows, from + rowsPerChunk);
                if (from < to) Compute(x.AsSpan(from * width, (to - from) * width), width, weights, b, outputs, z.AsSpan(from * outputs, (to - from) * outputs));
            });
        return z;
    }

    /// <summary>
    /// How many row chunks to split work into: one below <see cref="ParallelWork"/>, else up to 64. It depends
    /// only on the data's shape, never on the machine, so sums over chunks add up in the same order everywhere.
    /// </summary>
    public static int ChunkCount(int rows, long workPerRow)
    {
        var work = rows * Math.Max(workPerRow, 1);
        if (work < ParallelWork) return 1;
        return (int)Math.Clamp(Math.Min(work / ParallelWork, rows / 16), 1, 64);
    }

    /// <summary>Scores of the rows in <paramref name="x"/> into <paramref name="z"/> (rows × outputs), a block of rows at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(ReadOnlySpan<float> x, int width, ReadOnlySpan<double> weights, ReadOnlySpan<double> intercepts, int outputs, Span<double> z)
    {
        var rows = x.Length / width;
        var buffer = ArrayPool<double>.Shared.Rent(LinearKernels.BlockRows * width);
        try
        {
            for (var start = 0; start < rows; start += LinearKernels.BlockRows)
            {
                var count = Math.Min(LinearKernels.BlockRows, rows - start);
                var block = buffer.AsSpan(0, count * width);
                LinearKernels.Widen(x.Slice(start * width, count * width), block);
                LinearKernels.Scores(block, width, weights, intercepts, outputs, z.Slice(start * outputs, count * outputs));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }
}
