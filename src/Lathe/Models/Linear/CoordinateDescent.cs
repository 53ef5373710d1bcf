using System.Runtime.CompilerServices;

namespace Lathe.Models.Linear;

/// <summary>How a coordinate-descent fit ended.</summary>
internal sealed record DescentResult(double[] Coefficients, int Sweeps, bool Converged, double Gap);

/// <summary>
/// Cyclic coordinate descent for the elastic net, scikit-learn's enet_coordinate_descent step for step:
/// minimizes ½‖y − Xw‖² + l1‖w‖₁ + ½·l2‖w‖² (scikit-learn passes l1 = alpha·l1_ratio·n and
/// l2 = alpha·(1 − l1_ratio)·n, which makes this n times the documented objective). Each coordinate is set
/// to its exact minimizer, soft-thresholded, while the residual is kept up to date. After a sweep in which no
/// coefficient moved by more than tol × the largest coefficient (and after the last sweep), the duality gap
/// is computed; the fit stops when it is below tol × ‖y‖².
/// </summary>
internal static class CoordinateDescent
{
    /// <param name="onSweep">Called after every sweep with its number, the coefficients and the residual y − Xw; returns false to stop.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DescentResult Fit(CenteredData data, double l1, double l2, int maxSweeps, double tol, double[] w,
        Func<int, double[], double[], bool> onSweep)
    {
        var (n, p) = (data.Rows, data.Width);
        var y = data.Y;
        var norms = new double[p];
        for (var j = 0; j < p; j++) norms[j] = LinearKernels.Dot(data.Column(j), data.Column(j));
        var residual = (double[])y.Clone();
        for (var j = 0; j < p; j++)
            if (w[j] != 0) LinearKernels.AddScaled(residual, -w[j], data.Column(j));
        var gapTolerance = tol * LinearKernels.Dot(y, y);
        var gap = double.PositiveInfinity;

        for (var sweep = 1; sweep <= maxSweeps; sweep++)
        {
            double largest = 0, largestMove = 0;
            for (var j = 0; j < p; j++)
            {
                if (norms[j] == 0) continue;
                var column = data.Column(j);
                var old = w[j];
                if (old != 0) LinearKernels.AddScaled(residual, old, column);
                var correlation = LinearKernels.Dot(column, residual);
                w[j] = Math.Sign(correlation) * Math.Max(Math.Abs(correlation) - l1, 0) / (norms[j] + l2);
                if (w[j] != 0) LinearKernels.AddScaled(residual, -w[j], column);
                largestMove = Math.Max(largestMove, Math.Abs(w[j] - old));
                largest = Math.Max(largest, Math.Abs(w[j]));
            }
            var proceed = onSweep(sweep, w, residual);
            if (largest == 0 || largestMove / largest < tol || sweep == maxSweeps)
            {
                gap = DualityGap(data, w, residual, l1, l2);
                if (gap < gapTolerance || gap <= 0) return new(w, sweep, true, gap);
            }
            if (!proceed) return new(w, sweep, false, gap);
        }
        return new(w, maxSweeps, false, gap);
    }

    /// <summary>The primal objective minus the dual objective at the scaled residual (scikit-learn's formula).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double DualityGap(CenteredData data, double[] w, double[] residual, double l1, double l2)
    {
        var p = data.Width;
        var dualNorm = 0.0;
        for (var j = 0; j < p; j++)
            dualNorm = Math.Max(dualNorm, Math.Abs(LinearKernels.Dot(data.Column(j), residual) - l2 * w[j]));
        var residualNorm2 = LinearKernels.Dot(residual, residual);
        var wNorm2 = LinearKernels.Dot(w, w);
        double scale, gap;
        if (dualNorm > l1)
        {
            scale = l1 / dualNorm;
            gap = 0.5 * (residualNorm2 + residualNorm2 * scale * scale);
        }
        else
        {
            scale = 1;
            gap = residualNorm2;
        }
        var l1Norm = 0.0;
        foreach (var v in w) l1Norm += Math.Abs(v);
        return gap + l1 * l1Norm - scale * LinearKernels.Dot(residual, data.Y) + 0.5 * l2 * (1 + scale * scale) * wNorm2;
    }
}
