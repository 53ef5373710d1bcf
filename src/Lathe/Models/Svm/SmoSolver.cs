using System.Runtime.CompilerServices;

namespace Lathe.Models.Svm;

/// <summary>What the solver found: the dual variables, the offset ρ (decision = Σ coef·K − ρ), and how it went.</summary>
internal sealed record SolverResult(double[] Alpha, double Rho, long Iterations, double Objective, bool ReachedMaxIter);

/// <summary>
/// Sequential minimal optimization for the SVM dual in libsvm's general form
/// <code>min ½ αᵀQα + pᵀα  subject to  yᵀα = 0,  0 ≤ α_s ≤ C,  y_s = ±1,</code>
/// starting from α = 0, which both C-SVC (p = −1) and ε-SVR (2l variables, p = ε ∓ z) take. Each
/// iteration updates two variables chosen by second-order working-set selection (Fan, Chen and Lin 2005,
/// "WSS 2"): i maximizes the violation −y_s∇_s f among variables that may move up, j minimizes the
/// second-order decrease of the objective among those that may move down. With shrinking, variables
/// stuck at a bound are set aside every min(n, 1000) iterations and the full gradient is rebuilt (from
/// Ḡ, the part due to bounded variables) before stopping, so the answer is that of the full problem. It
/// stops when the largest violation m(α) − M(α) falls below the tolerance.
/// </summary>
internal sealed class SmoSolver
{
    private const double Tau = 1e-12;
    private const byte AtLower = 0, AtUpper = 1, Free = 2;

    private readonly QMatrix _q;
    private readonly double[] _p;
    private readonly sbyte[] _y;
    private readonly double _c;
    private readonly double _tol;
    private readonly bool _shrinking;
    private readonly int _n;
    private readonly double[] _qd;
    private readonly double[] _alpha;
    private readonly double[] _g;
    private readonly double[] _gBar;
    private readonly byte[] _status;
    private readonly int[] _order;
    private int _active;
    private int _epoch;
    private bool _unshrunk;

    public SmoSolver(QMatrix q, double[] p, sbyte[] y, double c, double tol, bool shrinking)
    {
        (_q, _p, _y, _c, _tol, _shrinking) = (q, p, y, c, tol, shrinking);
        _n = q.Count;
        _qd = q.Diagonal;
        _alpha = new double[_n];
        _g = (double[])p.Clone();     // ∇f(0) = p
        _gBar = new double[_n];
        _status = new byte[_n];
        _order = [.. Enumerable.Range(0, _n)];
        _active = _n;
    }

    /// <param name="maxIterations">Stop after this many updates even if not optimal (then <see cref="SolverResult.ReachedMaxIter"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SolverResult Solve(long maxIterations, CancellationToken cancellation)
    {
        long iterations = 0;
        var counter = Math.Min(_n, 1000) + 1;
        while (iterations < maxIterations)
        {
            if (--counter == 0)
            {
                counter = Math.Min(_n, 1000);
                if (_shrinking) Shrink();
                cancellation.ThrowIfCancellationRequested();
            }
            if (!SelectWorkingSet(out var i, out var j))
            {
                // Optimal on the active set: check the whole problem before stopping.
                RestoreAll();
                if (!SelectWorkingSet(out i, out j)) break;
                counter = 1; // shrink again at the next iteration
            }
            iterations++;
            Update(i, j);
        }
        var reachedMax = iterations >= maxIterations;
        if (reachedMax) RestoreAll();
        double objective = 0;
        for (var s = 0; s < _n; s++) objective += _alpha[s] * (_g[s] + _p[s]);
        return new SolverResult(_alpha, Rho(), iterations, objective / 2, reachedMax);
    }

    private bool IsUpper(int s) => _status[s] == AtUpper;

    private bool IsLower(int s) => _status[s] == AtLower;

    private void SetStatus(int s) => _status[s] = _alpha[s] >= _c ? AtUpper : _alpha[s] <= 0 ? AtLower : Free;

    /// <summary>WSS 2; false when the violation is below the tolerance (optimal on the active set).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SelectWorkingSet(out int outI, out int outJ)
    {
        // Locals, so the loops keep the arrays in registers.
        var (order, y, g, status, qd, active) = (_order, _y, _g, _status, _qd, _active);
        var gMax = double.NegativeInfinity;
        var gMax2 = double.NegativeInfinity;
        var i = -1;
        for (var a = 0; a < active; a++)
        {
            var t = order[a];
            if (y[t] > 0)
            {
                if (status[t] != AtUpper && -g[t] >= gMax) { gMax = -g[t]; i = t; }
            }
            else if (status[t] != AtLower && g[t] >= gMax) { gMax = g[t]; i = t; }
        }
        var j = -1;
        var best = double.PositiveInfinity;
        if (i >= 0)
        {
            var qi = _q.Column(i, order, active, _epoch);
            var yi = y[i];
            var qdi = qd[i];
            for (var a = 0; a < active; a++)
            {
                var t = order[a];
                double gradientGap, curvature;
                if (y[t] > 0)
                {
                    if (status[t] == AtLower) continue;
                    if (g[t] >= gMax2) gMax2 = g[t];
                    gradientGap = gMax + g[t];
                    if (gradientGap <= 0) continue;
                    curvature = qdi + qd[t] - 2.0 * yi * qi[t];
                }
                else
                {
                    if (status[t] == AtUpper) continue;
                    if (-g[t] >= gMax2) gMax2 = -g[t];
                    gradientGap = gMax - g[t];
                    if (gradientGap <= 0) continue;
                    curvature = qdi + qd[t] + 2.0 * yi * qi[t];
                }
                var decrease = -gradientGap * gradientGap / (curvature > 0 ? curvature : Tau);
                if (decrease <= best) { best = decrease; j = t; }
            }
        }
        (outI, outJ) = (i, j);
        return gMax + gMax2 >= _tol && j >= 0;
    }

    /// <summary>Solves the two-variable subproblem on (i, j) exactly and updates the gradient and Ḡ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Update(int i, int j)
    {
        var qi = _q.Column(i, _order, _active, _epoch);
        var qj = _q.Column(j, _order, _active, _epoch);
        var oldI = _alpha[i];
        var oldJ = _alpha[j];
        double ai = oldI, aj = oldJ, c = _c;
        if (_y[i] != _y[j])
        {
            var curvature = _qd[i] + _qd[j] + 2 * qi[j];
            var delta = (-_g[i] - _g[j]) / (curvature > 0 ? curvature : Tau);
            var diff = ai - aj;
            ai += delta;
            aj += delta;
            if (diff > 0) { if (aj < 0) { aj = 0; ai = diff; } }
            else if (ai < 0) { ai = 0; aj = -diff; }
            if (diff > 0) { if (ai > c) { ai = c; aj = c - diff; } }
            else if (aj > c) { aj = c; ai = c + diff; }
        }
        else
        {
            var curvature = _qd[i] + _qd[j] - 2 * qi[j];
            var delta = (_g[i] - _g[j]) / (curvature > 0 ? curvature : Tau);
            var sum = ai + aj;
            ai -= delta;
            aj += delta;
            if (sum > c) { if (ai > c) { ai = c; aj = sum - c; } }
            else if (aj < 0) { aj = 0; ai = sum; }
            if (sum > c) { if (aj > c) { aj = c; ai = sum - c; } }
            else if (ai < 0) { ai = 0; aj = sum; }
        }
        _alpha[i] = ai;
        _alpha[j] = aj;

        var di = ai - oldI;
        var dj = aj - oldJ;
        var g = _g;
        if (_active == _n)
        {
            for (var t = 0; t < g.Length; t++) g[t] += qi[t] * di + qj[t] * dj;
        }
        else
        {
            var order = _order;
            for (var a = 0; a < _active; a++)
            {
                var t = order[a];
                g[t] += qi[t] * di + qj[t] * dj;
            }
        }

        var wasUpperI = IsUpper(i);
        var wasUpperJ = IsUpper(j);
        SetStatus(i);
        SetStatus(j);
        if (wasUpperI != IsUpper(i)) AddToGBar(i, wasUpperI ? -c : c);
        if (wasUpperJ != IsUpper(j)) AddToGBar(j, wasUpperJ ? -c : c);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddToGBar(int s, double weight)
    {
        var column = _q.Column(s, _order, _n, _epoch);
        for (var t = 0; t < _n; t++) _gBar[t] += weight * column[t];
    }

    /// <summary>Sets aside variables at a bound whose gradient says they will stay there (libsvm's rule).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Shrink()
    {
        var (up, low) = Violations();
        if (!_unshrunk && up + low <= _tol * 10)
        {
            // Close to the end: bring everything back once, so the final phase sees the whole problem.
            _unshrunk = true;
            RestoreAll();
        }
        for (var a = 0; a < _active; a++)
        {
            if (!CanShrink(_order[a], up, low)) continue;
            _active--;
            while (_active > a)
            {
                if (!CanShrink(_order[_active], up, low))
                {
                    (_order[a], _order[_active]) = (_order[_active], _order[a]);
                    break;
                }
                _active--;
            }
        }
    }

    /// <summary>max −y∇f over variables that may move up, and max y∇f over those that may move down.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double Up, double Low) Violations()
    {
        double up = double.NegativeInfinity, low = double.NegativeInfinity;
        for (var a = 0; a < _active; a++)
        {
            var t = _order[a];
            if (_y[t] > 0)
            {
                if (!IsUpper(t)) up = Math.Max(up, -_g[t]);
                if (!IsLower(t)) low = Math.Max(low, _g[t]);
            }
            else
            {
                if (!IsUpper(t)) low = Math.Max(low, -_g[t]);
                if (!IsLower(t)) up = Math.Max(up, _g[t]);
            }
        }
        return (up, low);
    }

    private bool CanShrink(int t, double up, double low)
    {
        if (IsUpper(t)) return _y[t] > 0 ? -_g[t] > up : -_g[t] > low;
        if (IsLower(t)) return _y[t] > 0 ? _g[t] > low : _g[t] > up;
        return false;
    }

    /// <summary>Rebuilds the gradient of the variables set aside (from Ḡ and the free variables) and makes every variable active.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RestoreAll()
    {
        if (_active == _n) return;
        for (var a = _active; a < _n; a++)
        {
            var t = _order[a];
            _g[t] = _gBar[t] + _p[t];
        }
        var free = 0;
        for (var a = 0; a < _active; a++)
            if (_status[_order[a]] == Free) free++;
        if ((long)free * _n > 2L * _active * (_n - _active))
        {
            // Few inactive variables: one (active-part) column each.
            for (var a = _active; a < _n; a++)
            {
                var t = _order[a];
                var column = _q.Column(t, _order, _active, _epoch);
                for (var b = 0; b < _active; b++)
                {
                    var s = _order[b];
                    if (_status[s] == Free) _g[t] += _alpha[s] * column[s];
                }
            }
        }
        else
        {
            // Few free variables: one whole column each.
            for (var b = 0; b < _active; b++)
            {
                var s = _order[b];
                if (_status[s] != Free) continue;
                var column = _q.Column(s, _order, _n, _epoch);
                for (var a = _active; a < _n; a++)
                {
                    var t = _order[a];
                    _g[t] += _alpha[s] * column[t];
                }
            }
        }
        _active = _n;
        _epoch++;
    }

    /// <summary>ρ: the mean of y∇f over free variables, or the middle of the feasible interval when none is free.</summary>
    private double Rho()
    {
        double upper = double.PositiveInfinity, lower = double.NegativeInfinity, sum = 0;
        var free = 0;
        for (var a = 0; a < _active; a++)
        {
            var t = _order[a];
            var yg = _y[t] * _g[t];
            if (IsUpper(t))
            {
                if (_y[t] < 0) upper = Math.Min(upper, yg);
                else lower = Math.Max(lower, yg);
            }
            else if (IsLower(t))
            {
                if (_y[t] > 0) upper = Math.Min(upper, yg);
                else lower = Math.Max(lower, yg);
            }
            else
            {
                free++;
                sum += yg;
            }
        }
        return free > 0 ? sum / free : (upper + lower) / 2;
    }
}
