namespace Lathe.Synthetic;

/// <summary>
/// The standard normal distribution: seeded draws, its CDF Φ and its quantile function Φ⁻¹. Accurate to
/// about 1e-7, plenty for sampling and for mapping ranks to normal scores.
/// </summary>
public static class StandardNormal
{
    /// <summary>One N(0, 1) draw by the Box–Muller transform (two uniforms per draw, so a stream is reproducible from its seed).</summary>
    public static double Sample(Random random)
    {
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: the logarithm stays finite
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Φ(x) = P(Z ≤ x).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2.0));

    /// <summary>Φ⁻¹(p) for p in (0, 1), by Acklam's rational approximation; p is clamped away from 0 and 1.</summary>
    public static double Quantile(double p)
    {
        p = Math.Clamp(p, 1e-12, 1 - 1e-12);
        const double Low = 0.02425;
        if (p < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
        }
        if (p > 1 - Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
        }
        var r = p - 0.5;
        var s = r * r;
        return (((((A0 * s + A1) * s + A2) * s + A3) * s + A4) * s + A5) * r /
               (((((B0 * s + B1) * s + B2) * s + B3) * s + B4) * s + 1);
    }

    /// <summary>Complementary error function (Chebyshev fit, fractional error below 1.2e-7).</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + 0.5 * z);
        var ans = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                  t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }

    private const double A0 = -3.969683028665376e+01, A1 = 2.209460984245205e+02, A2 = -2.759285104469687e+02,
        A3 = 1.383577518672690e+02, A4 = -3.066479806614716e+01, A5 = 2.506628277459239e+00;
    private const double B0 = -5.447609879822406e+01, B1 = 1.615858368580409e+02, B2 = -1.556989798598866e+02,
        B3 = 6.680131188771972e+01, B4 = -1.328068155288572e+01;
    private const double C0 = -7.784894002430293e-03, C1 = -3.223964580411365e-01, C2 = -2.400758277161838e+00,
        C3 = -2.549732539343734e+00, C4 = 4.374664141464968e+00, C5 = 2.938163982698783e+00;
    private const double D0 = 7.784695709041462e-03, D1 = 3.224671290700398e-01, D2 = 2.445134137142996e+00,
        D3 = 3.754408661907416e+00;
}
