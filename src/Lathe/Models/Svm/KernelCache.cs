using System.Runtime.CompilerServices;

namespace Lathe.Models.Svm;

/// <summary>
/// Least-recently-used store of kernel-matrix columns within a memory limit (libsvm's kernel cache). Each
/// column carries a tag the caller sets to say how much of it is valid. At least two columns always fit, and
/// the column evicted is the least recently used, so the two most recently returned arrays stay valid.
/// </summary>
internal sealed class KernelCache
{
    /// <summary>The tag of a column just taken from the store: nothing in it is valid.</summary>
    public const int Empty = int.MinValue;

    private readonly int _length;
    private readonly float[]?[] _columns;
    private readonly int[] _tags;
    private readonly int[] _previous;
    private readonly int[] _next;
    private readonly int _sentinel;
    private int _used;

    /// <param name="count">Columns that may be asked for (indices 0 … count − 1).</param>
    /// <param name="length">Values in one column.</param>
    /// <param name="megabytes">Memory the columns may take together.</param>
    public KernelCache(int count, int length, double megabytes)
    {
        _length = length;
        Capacity = (int)Math.Clamp(megabytes * 1024 * 1024 / (4.0 * Math.Max(1, length)), 2, Math.Max(2, count));
        _columns = new float[count][];
        _tags = new int[count];
        _previous = new int[count + 1];
        _next = new int[count + 1];
        _sentinel = count;
        _previous[_sentinel] = _next[_sentinel] = _sentinel;
    }

    /// <summary>How many columns fit.</summary>
    public int Capacity { get; }

    /// <summary>The array for column <paramref name="index"/>, now the most recently used; <paramref name="tag"/> says what is valid in it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float[] Get(int index, out int tag)
    {
        var column = _columns[index];
        if (column is not null)
        {
            Unlink(index);
            LinkNewest(index);
            tag = _tags[index];
            return column;
        }
        if (_used < Capacity)
        {
            column = new float[_length];
            _used++;
        }
        else
        {
            var oldest = _next[_sentinel];
            Unlink(oldest);
            column = _columns[oldest]!;
            _columns[oldest] = null;
        }
        _columns[index] = column;
        _tags[index] = tag = Empty;
        LinkNewest(index);
        return column;
    }

    public void SetTag(int index, int tag) => _tags[index] = tag;

    private void Unlink(int index)
    {
        _next[_previous[index]] = _next[index];
        _previous[_next[index]] = _previous[index];
    }

    private void LinkNewest(int index)
    {
        var newest = _previous[_sentinel];
        _next[newest] = index;
        _previous[index] = newest;
        _next[index] = _sentinel;
        _previous[_sentinel] = index;
    }
}
