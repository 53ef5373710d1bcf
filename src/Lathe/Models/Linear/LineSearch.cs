namespace Lathe.Models.Linear;

/// <summary>
/// The step along a search direction for <see cref="Lbfgs"/>. <see cref="Wolfe"/> finds a step that meets the
/// strong Wolfe conditions (sufficient decrease with c₁ = 1e-4, curvature |f′| ≤ 0.9|f′(0)|) by bracketing
/// and zooming with safeguarded cubic interpolation (Nocedal &amp; Wright, algorithms 3.5 and 3.6).
/// <see cref="Projected"/> is OWL-QN's backtracking search on the orthant. The accepted point, its
/// gradient and value are left in <see cref="X"/>, <see cref="G"/>, <see cref="Value"/>.
/// </summary>
internal sealed class LineSearch(SmoothFunction f, int n, int maxEvaluations)
{
    private const double Decrease = 1e-4;
    private const double Curvature = 0.9;

    private double[] _trialX = new double[n];
    private double[] _trialG = new double[n];
    private double[] _lowX = new double[n];
    private double[] _lowG = new double[n];
    private int _evaluations;

    public double[] X { get; private set; } = [];

    public double[] G { get; private set; } = [];

    /// <summary>f at <see cref="X"/>.</summary>
    public double Value { get; private set; }

    /// <summary>
    /// Searches along <paramref name="d"/> from <paramref name="x"/> (where f is <paramref name="f0"/> and the
    /// slope f′(0) = ∇f·d is <paramref name="slope0"/> &lt; 0), trying <paramref name="step"/> first. When the
    /// evaluations run out, a step with sufficient decrease is still accepted; false when there is none.
    /// </summary>
    public bool Wolfe(double[] x, double f0, double[] d, double slope0, double step)
    {
        _evaluations = 0;
        double previous = 0, fPrevious = f0, slopePrevious = slope0;
        while (_evaluations < maxEvaluations)
        {
            var (fa, slope) = Evaluate(x, d, step);
            if (!double.IsFinite(fa) || fa > f0 + Decrease * step * slope0 || (_evaluations > 1 && fa >= fPrevious))
                return Zoom(x, d, f0, slope0, previous, fPrevious, slopePrevious, step, fa, slope);
            if (Math.Abs(slope) <= -Curvature * slope0) return Accept(_trialX, _trialG, fa);
            KeepTrialAsLow();
            if (slope >= 0)
                return Zoom(x, d, f0, slope0, step, fa, slope, previous, fPrevious, slopePrevious);
            (previous, fPrevious, slopePrevious) = (step, fa, slope);
            step *= 4;
        }
        return previous > 0 && Accept(_lowX, _lowG, fPrevious);
    }

    private bool Zoom(double[] x, double[] d, double f0, double slope0,
        double low, double fLow, double slopeLow, double high, double fHigh, double slopeHigh)
    {
        while (_evaluations < maxEvaluations && Math.Abs(high - low) > 1e-16 * Math.Max(Math.Abs(low), Math.Abs(high)))
        {
            var step = Interpolate(low, fLow, slopeLow, high, fHigh, slopeHigh);
            var (fa, slope) = Evaluate(x, d, step);
            if (!double.IsFinite(fa) || fa > f0 + Decrease * step * slope0 || fa >= fLow)
            {
                (high, fHigh, slopeHigh) = (step, fa, slope);
                continue;
            }
            if (Math.Abs(slope) <= -Curvature * slope0) return Accept(_trialX, _trialG, fa);
            if (slope * (high - low) >= 0) (high, fHigh, slopeHigh) = (low, fLow, slopeLow);
            KeepTrialAsLow();
            (low, fLow, slopeLow) = (step, fa, slope);
        }
        return low > 0 && Accept(_lowX, _lowG, fLow);
    }

    /// <summary>
    /// OWL-QN: halves the step from <paramref name="step"/> until the trial point, with every L1-weighted
    /// coordinate that left its orthant set to zero, lowers F = f + Σλ|x| by at least 1e-4 × pgᵀ(x′ − x).
    /// </summary>
    public bool Projected(double[] x, double total0, double[] pg, double[] d, double[] l1, double step)
    {
        for (_evaluations = 0; _evaluations < 2 * maxEvaluations; _evaluations++)
        {
            var decrease = 0.0;
            for (var i = 0; i < n; i++)
            {
                var t = x[i] + step * d[i];
                if (l1[i] > 0)
                {
                    var orthant = x[i] != 0 ? Math.Sign(x[i]) : -Math.Sign(pg[i]);
                    if (Math.Sign(t) != orthant) t = 0;
                }
                _trialX[i] = t;
                decrease += pg[i] * (t - x[i]);
            }
            var value = f(_trialX, _trialG);
            if (double.IsFinite(value) && value + Lbfgs.L1Norm(_trialX, l1) <= total0 + Decrease * decrease)
                return Accept(_trialX, _trialG, value);
            step *= 0.5;
        }
        return false;
    }

    private (double Value, double Slope) Evaluate(double[] x, double[] d, double step)
    {
        for (var i = 0; i < n; i++) _trialX[i] = x[i] + step * d[i];
        var value = f(_trialX, _trialG);
        _evaluations++;
        return (value, Lbfgs.Dot(_trialG, d));
    }

    private void KeepTrialAsLow()
    {
        (_lowX, _trialX) = (_trialX, _lowX);
        (_lowG, _trialG) = (_trialG, _lowG);
    }

    private bool Accept(double[] x, double[] g, double value)
    {
        (X, G, Value) = (x, g, value);
        return true;
    }

    /// <summary>
    /// The minimizer of the cubic through both ends' values and slopes, kept at least a tenth of the interval
    /// away from either end; the midpoint when the cubic has no minimizer there.
    /// </summary>
    private static double Interpolate(double a1, double f1, double g1, double a2, double f2, double g2)
    {
        var (lo, hi) = (Math.Min(a1, a2), Math.Max(a1, a2));
        var width = hi - lo;
        var d1 = g1 + g2 - 3 * (f1 - f2) / (a1 - a2);
        var discriminant = d1 * d1 - g1 * g2;
        var step = double.NaN;
        if (double.IsFinite(discriminant) && discriminant >= 0)
        {
            var d2 = Math.Sign(a2 - a1) * Math.Sqrt(discriminant);
            step = a2 - (a2 - a1) * (g2 + d2 - d1) / (g2 - g1 + 2 * d2);
        }
        return double.IsFinite(step) && step >= lo + 0.1 * width && step <= hi - 0.1 * width ? step : lo + 0.5 * width;
    }
}
