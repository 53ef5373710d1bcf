using System.Runtime.CompilerServices;

namespace Lathe.Models.Svm;

/// <summary>
/// Class probabilities from pairwise ones (Wu, Lin and Weng 2004, "Probability estimates for
/// multi-class classification by pairwise coupling", method 2, as libsvm): p minimizes
/// Σ_i Σ_{j≠i} (r_ji p_i − r_ij p_j)² subject to Σ p = 1, p ≥ 0, solved by the paper's fixed-point
/// iteration on pᵀQp with Q_ii = Σ_{j≠i} r_ji², Q_ij = −r_ji r_ij.
/// </summary>
public static class PairwiseCoupling
{
    /// <summary>
    /// Probabilities of <paramref name="k"/> classes from <paramref name="r"/> (row-major k × k):
    /// r[i·k + j] ≈ P(class i | class i or j), with r[j·k + i] = 1 − r[i·k + j]. Writes into <paramref name="p"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Couple(int k, ReadOnlySpan<double> r, Span<double> p)
    {
        if (k == 2)
        {
            p[0] = r[1];
            p[1] = r[k];
            return;
        }
        Span<double> q = k <= 32 ? stackalloc double[k * k] : new double[k * k];
        Span<double> qp = k <= 32 ? stackalloc double[k] : new double[k];
        for (var t = 0; t < k; t++)
        {
            p[t] = 1.0 / k;
            q[t * k + t] = 0;
            for (var j = 0; j < k; j++)
            {
                if (j == t) continue;
                q[t * k + t] += r[j * k + t] * r[j * k + t];
                q[t * k + j] = -r[j * k + t] * r[t * k + j];
            }
        }
        var maxIterations = Math.Max(100, k);
        var epsilon = 0.005 / k;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            double pqp = 0;
            for (var t = 0; t < k; t++)
            {
                qp[t] = 0;
                for (var j = 0; j < k; j++) qp[t] += q[t * k + j] * p[j];
                pqp += p[t] * qp[t];
            }
            double maxError = 0;
            for (var t = 0; t < k; t++) maxError = Math.Max(maxError, Math.Abs(qp[t] - pqp));
            if (maxError < epsilon) break;
            for (var t = 0; t < k; t++)
            {
                var diff = (-qp[t] + pqp) / q[t * k + t];
                p[t] += diff;
                pqp = (pqp + diff * (diff * q[t * k + t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (var j = 0; j < k; j++)
                {
                    qp[j] = (qp[j] + diff * q[t * k + j]) / (1 + diff);
                    p[j] /= 1 + diff;
                }
            }
        }
    }
}
