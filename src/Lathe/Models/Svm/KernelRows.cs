using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace Lathe.Models.Svm;

/// <summary>
/// Computes entries of the kernel matrix K(x_a, x_b) of a subset of training rows (<paramref name="rows"/>
/// index into the row-major matrix <paramref name="x"/>; local index a means row rows[a]). Dot products are
/// SIMD (TensorPrimitives), squared norms are computed once and shared; a long column is split across
/// threads when <see cref="Parallel"/> is on.
/// </summary>
internal sealed class KernelRows(KernelFunction kernel, float[] x, int width, float[] squaredNorms, int[] rows)
{
    /// <summary>Below this many multiply-adds a column is computed on one thread (a task costs more).</summary>
    private const int ParallelWork = 1 << 17;

    public int Count => rows.Length;

    public int Width => width;

    /// <summary>Whether a column may use several threads (off when problems are already solved in parallel).</summary>
    public bool Parallel { get; init; }

    /// <summary>‖x_r‖² of every row r of a matrix, with the same SIMD dot product the kernel uses (so K(x, x) is exact).</summary>
    public static float[] SquaredNorms(float[] x, int width)
    {
        var norms = new float[x.Length / width];
        for (var r = 0; r < norms.Length; r++)
        {
            var row = x.AsSpan(r * width, width);
            norms[r] = TensorPrimitives.Dot(row, row);
        }
        return norms;
    }

    public double Diagonal(int a)
    {
        var norm = squaredNorms[rows[a]];
        return kernel.Evaluate(norm, norm, norm);
    }

    /// <summary>K(a, b) for every b, into <paramref name="into"/>[b].</summary>
    public void Column(int a, float[] into)
    {
        if (Parallel && (long)rows.Length * width >= 2 * ParallelWork)
            System.Threading.Tasks.Parallel.ForEach(Partitioner.Create(0, rows.Length, Math.Max(64, ParallelWork / width)),
                range => Fill(a, range.Item1, range.Item2, into));
        else
            Fill(a, 0, rows.Length, into);
    }

    /// <summary>K(a, b) for the first <paramref name="count"/> b listed in <paramref name="targets"/>, into <paramref name="into"/>[b].</summary>
    public void Column(int a, int[] targets, int count, float[] into)
    {
        if (Parallel && (long)count * width >= 2 * ParallelWork)
            System.Threading.Tasks.Parallel.ForEach(Partitioner.Create(0, count, Math.Max(64, ParallelWork / width)),
                range => FillListed(a, targets, range.Item1, range.Item2, into));
        else
            FillListed(a, targets, 0, count, into);
    }

    private void Fill(int a, int from, int to, float[] into)
    {
        var ra = rows[a];
        var xa = x.AsSpan(ra * width, width);
        var na = (double)squaredNorms[ra];
        for (var b = from; b < to; b++)
        {
            var rb = rows[b];
            into[b] = (float)kernel.Evaluate(TensorPrimitives.Dot(xa, x.AsSpan(rb * width, width)), na, squaredNorms[rb]);
        }
    }

    private void FillListed(int a, int[] targets, int from, int to, float[] into)
    {
        var ra = rows[a];
        var xa = x.AsSpan(ra * width, width);
        var na = (double)squaredNorms[ra];
        for (var t = from; t < to; t++)
        {
            var b = targets[t];
            var rb = rows[b];
            into[b] = (float)kernel.Evaluate(TensorPrimitives.Dot(xa, x.AsSpan(rb * width, width)), na, squaredNorms[rb]);
        }
    }
}
