using System.Runtime.CompilerServices;

namespace Lathe.Models.Svm;

/// <summary>
/// The matrix Q of an SVM dual problem, Q_st = y_s y_t K(s, t), served a column at a time to the solver.
/// A column may be asked for in part: only the entries of the variables listed in
/// <c>order[0 … active)</c> must then be right. <c>epoch</c> changes whenever the active set grows, so a
/// part computed earlier in the same epoch still covers the (smaller) active set. The two most recently
/// returned arrays stay valid.
/// </summary>
internal abstract class QMatrix
{
    /// <summary>A column's tag when every entry is valid.</summary>
    protected const int Full = int.MaxValue;

    /// <summary>Number of variables.</summary>
    public abstract int Count { get; }

    /// <summary>Q_ss of every variable s.</summary>
    public abstract double[] Diagonal { get; }

    /// <summary>Column s of Q, indexed by variable; all of it when <paramref name="active"/> is <see cref="Count"/>.</summary>
    public abstract float[] Column(int s, int[] order, int active, int epoch);

    /// <summary>Kernel columns (whole or in part) computed so far.</summary>
    public long ColumnsComputed { get; protected set; }
}

/// <summary>Q of a two-class C-SVC problem: one variable per row, y = ±1; columns cached as Q values.</summary>
internal sealed class ClassificationQ : QMatrix
{
    private readonly KernelRows _kernel;
    private readonly sbyte[] _y;
    private readonly KernelCache _cache;

    public ClassificationQ(KernelRows kernel, sbyte[] y, double cacheMb)
    {
        (_kernel, _y) = (kernel, y);
        _cache = new KernelCache(y.Length, y.Length, cacheMb);
        Diagonal = kernel.Diagonal();
    }

    public override int Count => _y.Length;

    public override double[] Diagonal { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override float[] Column(int s, int[] order, int active, int epoch)
    {
        var column = _cache.Get(s, out var tag);
        var n = _y.Length;
        if (tag == Full || (active < n && tag == epoch)) return column;
        ColumnsComputed++;
        // Most of the column is needed anyway: compute all of it (contiguous, and it stays valid for good).
        if (active >= n - n / 8)
        {
            _kernel.Column(s, column);
            if (_y[s] > 0)
                for (var t = 0; t < n; t++) { if (_y[t] < 0) column[t] = -column[t]; }
            else
                for (var t = 0; t < n; t++) { if (_y[t] > 0) column[t] = -column[t]; }
            _cache.SetTag(s, Full);
        }
        else
        {
            _kernel.Column(s, order, active, column);
            for (var a = 0; a < active; a++)
            {
                var t = order[a];
                if (_y[t] != _y[s]) column[t] = -column[t];
            }
            _cache.SetTag(s, epoch);
        }
        return column;
    }
}

/// <summary>
/// Q of ε-SVR in libsvm's 2l-variable form: variable s &lt; l is α_s (y = +1), s ≥ l is α*_(s−l) (y = −1),
/// both on row s mod l. Kernel columns (length l) are cached whole; Q columns are expanded into two
/// alternating buffers.
/// </summary>
internal sealed class RegressionQ : QMatrix
{
    private readonly KernelRows _kernel;
    private readonly int _rows;
    private readonly KernelCache _cache;
    private readonly float[][] _buffers;
    private int _nextBuffer;

    public RegressionQ(KernelRows kernel, double cacheMb)
    {
        _kernel = kernel;
        _rows = kernel.Count;
        _cache = new KernelCache(_rows, _rows, cacheMb);
        _buffers = [new float[2 * _rows], new float[2 * _rows]];
        var diagonal = kernel.Diagonal();
        Diagonal = [.. diagonal, .. diagonal];
    }

    public override int Count => 2 * _rows;

    public override double[] Diagonal { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override float[] Column(int s, int[] order, int active, int epoch)
    {
        var row = s < _rows ? s : s - _rows;
        var kernel = _cache.Get(row, out var tag);
        if (tag != Full)
        {
            ColumnsComputed++;
            _kernel.Column(row, kernel);
            _cache.SetTag(row, Full);
        }
        var column = _buffers[_nextBuffer];
        _nextBuffer ^= 1;
        var n = 2 * _rows;
        var positive = s < _rows;
        if (active >= n)
        {
            for (var t = 0; t < _rows; t++)
            {
                var k = kernel[t];
                column[t] = positive ? k : -k;
                column[t + _rows] = positive ? -k : k;
            }
        }
        else
        {
            for (var a = 0; a < active; a++)
            {
                var t = order[a];
                var k = kernel[t < _rows ? t : t - _rows];
                column[t] = positive == (t < _rows) ? k : -k;
            }
        }
        return column;
    }
}
