namespace Lathe.Synthetic;

/// <summary>Correlations of normal scores and the Cholesky factor that turns independent normals into correlated ones.</summary>
internal static class CorrelationMatrix
{
    /// <summary>Pearson correlation of every pair of columns over the rows where both are present (NaN: missing); 0 when undefined.</summary>
    public static double[,] Of(IReadOnlyList<double[]> columns)
    {
        var d = columns.Count;
        var r = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            r[i, i] = 1;
            for (var j = i + 1; j < d; j++) r[i, j] = r[j, i] = Pearson(columns[i], columns[j]);
        }
        return r;
    }

    public static double Pearson(double[] a, double[] b)
    {
        double n = 0, sa = 0, sb = 0;
        for (var k = 0; k < a.Length; k++)
            if (!double.IsNaN(a[k]) && !double.IsNaN(b[k])) { n++; sa += a[k]; sb += b[k]; }
        if (n < 3) return 0;
        var (ma, mb) = (sa / n, sb / n);
        double cov = 0, va = 0, vb = 0;
        for (var k = 0; k < a.Length; k++)
        {
            if (double.IsNaN(a[k]) || double.IsNaN(b[k])) continue;
            var (x, y) = (a[k] - ma, b[k] - mb);
            cov += x * y; va += x * x; vb += y * y;
        }
        return va <= 0 || vb <= 0 ? 0 : Math.Clamp(cov / Math.Sqrt(va * vb), -1, 1);
    }

    /// <summary>
    /// The lower Cholesky factor of the correlation matrix shrunk towards the identity, (1 − λ)R + λI, with
    /// the smallest λ (from <paramref name="ridge"/>, doubling) that makes it positive definite: pairwise
    /// correlations over different rows, or exactly dependent columns, need not form a valid matrix.
    /// </summary>
    public static double[,] Cholesky(double[,] r, double ridge)
    {
        var d = r.GetLength(0);
        for (var lambda = ridge; ; lambda = Math.Min(1, lambda * 2))
        {
            var l = new double[d, d];
            if (TryCholesky(r, lambda, l) || lambda >= 1) return l;
        }
    }

    private static bool TryCholesky(double[,] r, double lambda, double[,] l)
    {
        var d = r.GetLength(0);
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = (i == j ? 1.0 : (1 - lambda) * r[i, j]);
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (sum <= 1e-12) return false;
                    l[i, i] = Math.Sqrt(sum);
                }
                else l[i, j] = sum / l[j, j];
            }
        }
        return true;
    }
}
