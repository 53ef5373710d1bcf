using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Lathe.Models.Svm;

/// <summary>
/// Computes columns of the kernel matrix K(x_a, x_b) of a subset of training rows (<c>rows</c> index into the
/// row-major matrix <c>x</c>; local index a means row rows[a]): SIMD dot products, squared norms computed
/// once for the whole fit, then one vectorized kernel pass. A long column is split across threads when
/// <see cref="Parallel"/> is on. Not thread-safe: one instance per solver.
/// </summary>
internal sealed class KernelRows
{
    /// <summary>Below this many multiply-adds a column is computed on one thread (a task costs more).</summary>
    private const int ParallelWork = 1 << 17;

    private readonly KernelFunction _kernel;
    private readonly float[] _x;
    private readonly int _width;
    private readonly int[] _rows;
    private readonly float[] _localNorms;
    private readonly int[] _gatheredRows;
    private readonly float[] _gatheredNorms;
    private readonly float[] _gatheredValues;

    public KernelRows(KernelFunction kernel, float[] x, int width, float[] squaredNorms, int[] rows)
    {
        (_kernel, _x, _width, _rows) = (kernel, x, width, rows);
        _localNorms = [.. rows.Select(r => squaredNorms[r])];
        _gatheredRows = new int[rows.Length];
        _gatheredNorms = new float[rows.Length];
        _gatheredValues = new float[rows.Length];
    }

    public int Count => _rows.Length;

    /// <summary>Whether a column may use several threads (off when problems are already solved in parallel).</summary>
    public bool Parallel { get; init; }

    /// <summary>K(a, a) of every row a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Diagonal()
    {
        // x·x is ‖x‖², summed the same way; the rbf kernel of a row with itself is exactly 1.
        var values = (float[])_localNorms.Clone();
        if (_kernel.Kind == KernelKind.Rbf) Array.Fill(values, 1f);
        else _kernel.Transform(values, _localNorms, 0);
        return [.. values.Select(v => (double)v)];
    }

    /// <summary>K(a, b) for every b, into <paramref name="into"/>[b].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Column(int a, float[] into)
    {
        var n = _rows.Length;
        if (Parallel && (long)n * _width >= 2 * ParallelWork)
            System.Threading.Tasks.Parallel.ForEach(Partitioner.Create(0, n, Chunk), range => Fill(a, range.Item1, range.Item2, into));
        else
            Fill(a, 0, n, into);
    }

    /// <summary>K(a, b) for the first <paramref name="count"/> b listed in <paramref name="targets"/>, into <paramref name="into"/>[b].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Column(int a, int[] targets, int count, float[] into)
    {
        for (var t = 0; t < count; t++)
        {
            _gatheredRows[t] = _rows[targets[t]];
            _gatheredNorms[t] = _localNorms[targets[t]];
        }
        if (Parallel && (long)count * _width >= 2 * ParallelWork)
            System.Threading.Tasks.Parallel.ForEach(Partitioner.Create(0, count, Chunk), range => FillGathered(a, range.Item1, range.Item2));
        else
            FillGathered(a, 0, count);
        for (var t = 0; t < count; t++) into[targets[t]] = _gatheredValues[t];
    }

    private int Chunk => Math.Max(64, ParallelWork / Math.Max(1, _width));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill(int a, int from, int to, float[] into)
    {
        var values = into.AsSpan(from, to - from);
        DotProducts.Compute(_x, [_rows[a]], _x, _rows.AsSpan(from, to - from), _width, values);
        _kernel.Transform(values, _localNorms.AsSpan(from, to - from), _localNorms[a]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillGathered(int a, int from, int to)
    {
        var values = _gatheredValues.AsSpan(from, to - from);
        DotProducts.Compute(_x, [_rows[a]], _x, _gatheredRows.AsSpan(from, to - from), _width, values);
        _kernel.Transform(values, _gatheredNorms.AsSpan(from, to - from), _localNorms[a]);
    }
}
