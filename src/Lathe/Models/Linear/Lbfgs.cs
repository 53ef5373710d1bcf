using System.Runtime.CompilerServices;

namespace Lathe.Models.Linear;

/// <summary>A smooth function to minimize: returns f(x) and writes ∇f(x) into <c>gradient</c>.</summary>
internal delegate double SmoothFunction(double[] x, double[] gradient);

/// <summary>Why <see cref="Lbfgs"/> stopped.</summary>
internal enum LbfgsStop
{
    /// <summary>The largest (pseudo-)gradient entry fell to the tolerance.</summary>
    Gradient,
    /// <summary>An iteration lowered the objective by less than a relative 2.2e-9 (scipy's factr 1e7 × machine epsilon).</summary>
    Reduction,
    MaxIterations,
    /// <summary>The caller asked to stop (a callback, such as early stopping).</summary>
    Stopped,
    /// <summary>No step along steepest descent lowered the objective (it is as low as double precision can tell).</summary>
    LineSearch,
}

internal sealed record LbfgsResult(int Iterations, LbfgsStop Stop, double LargestGradient)
{
    public bool Converged => Stop is LbfgsStop.Gradient or LbfgsStop.Reduction;
}

/// <summary>
/// Limited-memory BFGS (Nocedal 1980; Liu &amp; Nocedal 1989): the two-loop recursion over the last
/// <see cref="Memory"/> steps with the initial scaling sᵀy/yᵀy, a line search that satisfies the strong
/// Wolfe conditions (<see cref="LineSearch"/>), and scipy L-BFGS-B's stopping rules (largest gradient entry
/// at most the tolerance, or a relative decrease below 2.2e-9). With per-coordinate L1 weights λ it is
/// OWL-QN (Andrew &amp; Gao 2007), minimizing f(x) + Σ λᵢ|xᵢ|: the pseudo-gradient replaces the gradient,
/// the direction is kept in its orthant, and a backtracking search projects each trial point onto the
/// orthant, so coefficients that cross zero stop at exactly zero.
/// </summary>
internal sealed class Lbfgs
{
    public int Memory { get; init; } = 10;

    public int MaxIterations { get; init; } = 100;

    public double GradientTolerance { get; init; } = 1e-4;

    /// <summary>scipy's L-BFGS-B default: factr 1e7 × machine epsilon.</summary>
    public const double ScipyRelativeReduction = 1e7 * 2.220446049250313e-16;

    /// <summary>Stop when an iteration lowers the objective by at most this share of it (0: never).</summary>
    public double RelativeReduction { get; init; } = ScipyRelativeReduction;

    /// <summary>Function evaluations one line search may use (scipy's maxls).</summary>
    public int MaxEvaluationsPerSearch { get; init; } = 20;

    /// <summary>
    /// Minimizes from <paramref name="x"/>, updating it in place. <paramref name="onIteration"/> gets the
    /// iteration number and the smooth part f(x) after every iteration and returns false to stop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LbfgsResult Minimize(SmoothFunction f, double[] x, double[]? l1, Func<int, double, bool> onIteration)
    {
        var n = x.Length;
        var g = new double[n];
        var value = f(x, g);
        var total = value + L1Norm(x, l1);
        if (!double.IsFinite(total)) throw new ArithmeticException("The objective is not finite at the starting point.");
        var pg = new double[n];
        PseudoGradient(x, g, l1, pg);
        var largest = MaxAbs(pg);
        if (largest <= GradientTolerance) return new(0, LbfgsStop.Gradient, largest);

        var s = new double[Memory][];
        var y = new double[Memory][];
        var rho = new double[Memory];
        var alpha = new double[Memory];
        var (count, newest) = (0, -1);
        var d = new double[n];
        var sNew = new double[n];
        var yNew = new double[n];
        var search = new LineSearch(f, n, MaxEvaluationsPerSearch);
        var iteration = 0;
        while (iteration < MaxIterations)
        {
            // d = −H·pg by the two-loop recursion.
            Array.Copy(pg, d, n);
            for (var back = 0; back < count; back++)
            {
                var i = (newest - back + Memory) % Memory;
                alpha[i] = rho[i] * Dot(s[i], d);
                Axpy(-alpha[i], y[i], d);
            }
            if (count > 0)
            {
                var gamma = Dot(s[newest], y[newest]) / Dot(y[newest], y[newest]);
                for (var j = 0; j < n; j++) d[j] *= gamma;
            }
            for (var forward = count - 1; forward >= 0; forward--)
            {
                var i = (newest - forward + Memory) % Memory;
                Axpy(alpha[i] - rho[i] * Dot(y[i], d), s[i], d);
            }
            for (var j = 0; j < n; j++) d[j] = -d[j];
            if (l1 is not null)
                for (var j = 0; j < n; j++)
                    if (l1[j] > 0 && d[j] * pg[j] >= 0) d[j] = 0; // keep to the orthant that −pg points into
            var slope = Dot(pg, d);
            if (!(slope < 0))
            {
                count = 0; // not a descent direction: forget the curvature pairs, use steepest descent
                for (var j = 0; j < n; j++) d[j] = -pg[j];
                slope = -Dot(pg, pg);
            }
            var step = count == 0 ? Math.Min(1 / Math.Sqrt(Dot(d, d)), 1e10) : 1.0;
            var found = l1 is null
                ? search.Wolfe(x, value, d, slope, step)
                : search.Projected(x, total, pg, d, l1, step);
            if (!found)
            {
                if (count > 0)
                {
                    count = 0; // as L-BFGS-B does: drop the memory and try steepest descent once more
                    continue;
                }
                return new(iteration, LbfgsStop.LineSearch, largest);
            }

            for (var j = 0; j < n; j++)
            {
                sNew[j] = search.X[j] - x[j];
                yNew[j] = search.G[j] - g[j];
            }
            var sy = Dot(sNew, yNew);
            if (sy > 2.220446049250313e-16 * Dot(yNew, yNew)) // keep only pairs with positive curvature
            {
                newest = (newest + 1) % Memory;
                (s[newest], sNew) = (sNew, s[newest] ?? new double[n]);
                (y[newest], yNew) = (yNew, y[newest] ?? new double[n]);
                rho[newest] = 1 / sy;
                count = Math.Min(count + 1, Memory);
            }

            var previous = total;
            Array.Copy(search.X, x, n);
            Array.Copy(search.G, g, n);
            value = search.Value;
            total = value + L1Norm(x, l1);
            PseudoGradient(x, g, l1, pg);
            largest = MaxAbs(pg);
            iteration++;
            if (!onIteration(iteration, value)) return new(iteration, LbfgsStop.Stopped, largest);
            if (largest <= GradientTolerance) return new(iteration, LbfgsStop.Gradient, largest);
            if (previous - total <= RelativeReduction * Math.Max(Math.Max(Math.Abs(previous), Math.Abs(total)), 1))
                return new(iteration, LbfgsStop.Reduction, largest);
        }
        return new(iteration, LbfgsStop.MaxIterations, largest);
    }

    /// <summary>
    /// The gradient of f + Σλᵢ|xᵢ| where it exists; at xᵢ = 0 the one-sided derivative that points downhill,
    /// or 0 when neither side does (|gᵢ| ≤ λᵢ: zero is optimal for that coordinate).
    /// </summary>
    internal static void PseudoGradient(double[] x, double[] g, double[]? l1, double[] pg)
    {
        if (l1 is null)
        {
            Array.Copy(g, pg, g.Length);
            return;
        }
        for (var i = 0; i < x.Length; i++)
        {
            var lambda = l1[i];
            pg[i] = x[i] > 0 ? g[i] + lambda
                : x[i] < 0 ? g[i] - lambda
                : g[i] + lambda < 0 ? g[i] + lambda
                : g[i] - lambda > 0 ? g[i] - lambda
                : 0;
        }
    }

    internal static double L1Norm(double[] x, double[]? l1)
    {
        if (l1 is null) return 0;
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += l1[i] * Math.Abs(x[i]);
        return sum;
    }

    internal static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static double MaxAbs(double[] v)
    {
        var max = 0.0;
        foreach (var e in v) max = Math.Max(max, Math.Abs(e));
        return max;
    }
}
