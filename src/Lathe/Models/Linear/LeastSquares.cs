using System.Runtime.CompilerServices;

namespace Lathe.Models.Linear;

/// <summary>
/// Closed-form least squares in double precision: ordinary (alpha = 0) and ridge, minimizing
/// ‖y − Xw‖² + alpha‖w‖² on centered data through the normal equations A·w = b with A = XᵀX + alpha·I,
/// b = Xᵀy, factored by Cholesky with diagonal pivoting: each step takes the column with the largest share
/// of its variance not yet explained by the columns already taken. A column whose unexplained share is at
/// most 1e-10 is constant or (to working precision) a linear combination of the others; then A is singular,
/// the solution is not unique, and the answer is the minimum-norm one — what scikit-learn's LinearRegression
/// (scipy's lstsq) gives: with A ≈ L·Lᵀ for the p × r factor L of full column rank,
/// w = L(LᵀL)⁻¹(LᵀL)⁻¹Lᵀb.
/// </summary>
internal static class LeastSquares
{
    private const double DependentShare = 1e-10;

    /// <summary>The coefficients; <paramref name="dependent"/> lists the columns found collinear (empty: the solution is unique).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Solve(CenteredData data, double alpha, out int[] dependent)
    {
        var p = data.Width;
        var (a, b) = NormalEquations(data);
        for (var j = 0; j < p; j++) a[j * p + j] += alpha;
        var (l, order, rank) = PivotedCholesky(a, p, DependentShare);
        dependent = order[rank..];
        if (rank == p) return SolveFactored(l, order, p, b);
        var w = new double[p];
        if (rank == 0) return w; // every column is constant: nothing to learn from

        // Minimum norm: u = Lᵀb, solve (LᵀL)v = u twice, w = L·v.
        var gram = new double[rank * rank];
        for (var i = 0; i < rank; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = 0.0;
                for (var row = 0; row < p; row++) sum += l[row * p + i] * l[row * p + j];
                gram[i * rank + j] = gram[j * rank + i] = sum;
            }
        var v = new double[rank];
        for (var k = 0; k < rank; k++)
            for (var row = 0; row < p; row++) v[k] += l[row * p + k] * b[row];
        var (factor, factorOrder, factorRank) = PivotedCholesky(gram, rank, 0);
        if (factorRank < rank) throw new ArithmeticException("LᵀL of a factor with full column rank is singular.");
        v = SolveFactored(factor, factorOrder, rank, SolveFactored(factor, factorOrder, rank, v));
        for (var row = 0; row < p; row++)
            for (var k = 0; k < rank; k++) w[row] += l[row * p + k] * v[k];
        return w;
    }

    /// <summary>XᵀX (p × p, row-major) and Xᵀy; each entry one dot product of two columns, so rows compute in parallel and the result does not depend on the threads.</summary>
    private static (double[] A, double[] B) NormalEquations(CenteredData data)
    {
        var p = data.Width;
        var a = new double[p * p];
        var b = new double[p];
        void Row(int i)
        {
            var column = data.Column(i);
            for (var j = i; j < p; j++) a[i * p + j] = a[j * p + i] = LinearKernels.Dot(column, data.Column(j));
            b[i] = LinearKernels.Dot(column, data.Y);
        }
        if ((long)data.Rows * p * p < 1 << 20)
            for (var i = 0; i < p; i++) Row(i);
        else
            Parallel.For(0, p, Row);
        return (a, b);
    }

    /// <summary>
    /// A ≈ L·Lᵀ with L stored p × p (row = original column, column = pivot step). Returns the pivot order (the
    /// dependent columns last) and the rank: the steps taken before every remaining column's unexplained share
    /// of its diagonal fell to <paramref name="dependentShare"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double[] L, int[] Order, int Rank) PivotedCholesky(double[] a, int p, double dependentShare)
    {
        var l = new double[p * p];
        var order = Enumerable.Range(0, p).ToArray();
        var residual = new double[p];
        for (var j = 0; j < p; j++) residual[j] = a[j * p + j];
        for (var k = 0; k < p; k++)
        {
            var best = -1;
            var bestShare = dependentShare;
            for (var i = k; i < p; i++)
            {
                var diagonal = a[order[i] * p + order[i]];
                var share = diagonal > 0 ? residual[order[i]] / diagonal : 0;
                if (share > bestShare) (best, bestShare) = (i, share);
            }
            if (best < 0) return (l, order, k);
            (order[k], order[best]) = (order[best], order[k]);
            var q = order[k];
            var root = Math.Sqrt(residual[q]);
            l[q * p + k] = root;
            var pivotRow = l.AsSpan(q * p, k);
            for (var i = k + 1; i < p; i++)
            {
                var row = order[i];
                var value = (a[row * p + q] - LinearKernels.Dot(l.AsSpan(row * p, k), pivotRow)) / root;
                l[row * p + k] = value;
                residual[row] -= value * value;
            }
        }
        return (l, order, p);
    }

    /// <summary>Solves L·Lᵀ·x = b for a full-rank factor from <see cref="PivotedCholesky"/> (row order[k] has entries in columns 0..k).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] SolveFactored(double[] l, int[] order, int p, double[] b)
    {
        var z = new double[p];
        for (var k = 0; k < p; k++)
        {
            var sum = b[order[k]];
            for (var m = 0; m < k; m++) sum -= l[order[k] * p + m] * z[m];
            z[k] = sum / l[order[k] * p + k];
        }
        var x = new double[p];
        for (var k = p - 1; k >= 0; k--)
        {
            var sum = z[k];
            for (var m = k + 1; m < p; m++) sum -= l[order[m] * p + k] * x[order[m]];
            x[order[k]] = sum / l[order[k] * p + k];
        }
        return x;
    }
}
