using System.Runtime.CompilerServices;

namespace Lathe.Models.Svm;

/// <summary>
/// Platt's sigmoid P(y = +1 | f) = 1 / (1 + exp(A·f + B)) fitted to decision values by the improved
/// algorithm of Lin, Lin and Weng (2007, "A note on Platt's probabilistic outputs for support vector
/// machines"): Newton's method with a backtracking line search on the regularized targets
/// (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2), with every exp written so that it cannot overflow.
/// </summary>
public static class PlattScaling
{
    private const int MaxIterations = 100;
    private const double MinStep = 1e-10;
    private const double Ridge = 1e-12;
    private const double Epsilon = 1e-5;

    /// <summary>A and B for decision values <paramref name="f"/> of rows whose class is positive where <paramref name="positive"/> is true.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double A, double B) Fit(ReadOnlySpan<double> f, ReadOnlySpan<bool> positive, Action<string>? log = null)
    {
        var n = f.Length;
        double prior1 = 0;
        foreach (var p in positive) if (p) prior1++;
        var prior0 = n - prior1;
        var hiTarget = (prior1 + 1) / (prior1 + 2);
        var loTarget = 1 / (prior0 + 2);
        var t = new double[n];
        for (var i = 0; i < n; i++) t[i] = positive[i] ? hiTarget : loTarget;

        double a = 0, b = Math.Log((prior0 + 1) / (prior1 + 1));
        var value = Objective(f, t, a, b);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Gradient and Hessian (with a tiny ridge so it stays positive definite).
            double h11 = Ridge, h22 = Ridge, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < n; i++)
            {
                var fApB = f[i] * a + b;
                double p, q;
                if (fApB >= 0)
                {
                    var e = Math.Exp(-fApB);
                    p = e / (1 + e);
                    q = 1 / (1 + e);
                }
                else
                {
                    var e = Math.Exp(fApB);
                    p = 1 / (1 + e);
                    q = e / (1 + e);
                }
                var d2 = p * q;
                h11 += f[i] * f[i] * d2;
                h22 += d2;
                h21 += f[i] * d2;
                var d1 = t[i] - p;
                g1 += f[i] * d1;
                g2 += d1;
            }
            if (Math.Abs(g1) < Epsilon && Math.Abs(g2) < Epsilon) break;

            var det = h11 * h22 - h21 * h21;
            var dA = -(h22 * g1 - h21 * g2) / det;
            var dB = -(-h21 * g1 + h11 * g2) / det;
            var slope = g1 * dA + g2 * dB;
            var step = 1.0;
            while (step >= MinStep)
            {
                var newA = a + step * dA;
                var newB = b + step * dB;
                var newValue = Objective(f, t, newA, newB);
                if (newValue < value + 0.0001 * step * slope)
                {
                    (a, b, value) = (newA, newB, newValue);
                    break;
                }
                step /= 2;
            }
            if (step < MinStep)
            {
                log?.Invoke("svm: Platt scaling's line search stopped early; probabilities may be less well calibrated.");
                break;
            }
        }
        return (a, b);
    }

    /// <summary>P(y = +1 | f).</summary>
    public static double Probability(double f, double a, double b)
    {
        var fApB = f * a + b;
        return fApB >= 0 ? Math.Exp(-fApB) / (1 + Math.Exp(-fApB)) : 1 / (1 + Math.Exp(fApB));
    }

    /// <summary>Cross-entropy of the sigmoid against the targets, in a form that never overflows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Objective(ReadOnlySpan<double> f, double[] t, double a, double b)
    {
        double sum = 0;
        for (var i = 0; i < f.Length; i++)
        {
            var fApB = f[i] * a + b;
            sum += fApB >= 0
                ? t[i] * fApB + Math.Log(1 + Math.Exp(-fApB))
                : (t[i] - 1) * fApB + Math.Log(1 + Math.Exp(fApB));
        }
        return sum;
    }
}
