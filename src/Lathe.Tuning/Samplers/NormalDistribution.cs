namespace Lathe.Tuning.Samplers;

/// <summary>The standard normal's CDF (through erf) and a truncated-normal log-density, for Parzen estimators.</summary>
internal static class NormalDistribution
{
    /// <summary>erf with |error| below 1.2e-7 (a Chebyshev fit of erfc, as in Numerical Recipes' erfcc).</summary>
    public static double Erf(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + 0.5 * z);
        var erfc = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
            t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc : erfc - 1;
    }

    public static double Cdf(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2)));

    /// <summary>Log-density at x of a normal(mu, sigma) truncated to [low, high].</summary>
    public static double LogPdfTruncated(double x, double mu, double sigma, double low, double high)
    {
        var mass = Math.Max(Cdf((high - mu) / sigma) - Cdf((low - mu) / sigma), 1e-12);
        var z = (x - mu) / sigma;
        return -0.5 * z * z - Math.Log(sigma * Math.Sqrt(2 * Math.PI)) - Math.Log(mass);
    }

    /// <summary>A draw from a normal(mu, sigma) truncated to [low, high] (rejection; the bounds after many misses).</summary>
    public static double SampleTruncated(Random random, double mu, double sigma, double low, double high)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var x = mu + sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            if (x >= low && x <= high) return x;
        }
        return low + random.NextDouble() * (high - low);
    }
}
