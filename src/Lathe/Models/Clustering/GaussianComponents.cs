using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Lathe.Models.Clustering;

/// <summary>
/// The parameters of a Gaussian mixture (weights, means, covariances) and the two halves of EM on them, in
/// double precision. Each covariance is factored once (Cholesky, Σ = L·Lᵀ) and its inverse factor L⁻¹ kept,
/// so a row's Mahalanobis distance is |L⁻¹(x − μ)|², a triangle of SIMD dot products, as in scikit-learn.
/// </summary>
internal sealed class GaussianComponents
{
    private const int ChunkRows = 256;
    private const double MachineEpsilon = 2.220446049250313e-16;
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    /// <summary>full: k × d × d; diag: k × d inverse standard deviations; spherical: k.</summary>
    private readonly double[] _precisionFactor;

    /// <summary>Per component, log det(Σ)^(−1/2).</summary>
    private readonly double[] _logDeterminant;

    public GaussianComponents(string covariance, int width, double[] weights, double[] means, double[] covariances)
    {
        (Covariance, Width, Weights, Means, Covariances) = (covariance, width, weights, means, covariances);
        var k = weights.Length;
        if (means.Length != k * width || covariances.Length != k * CovarianceSize(covariance, width))
            throw new ArgumentException("The mixture's parameter arrays do not match its components and width.");
        _logDeterminant = new double[k];
        _precisionFactor = new double[covariances.Length];
        var size = CovarianceSize(covariance, width);
        for (var c = 0; c < k; c++)
        {
            var sigma = covariances.AsSpan(c * size, size);
            var factor = _precisionFactor.AsSpan(c * size, size);
            if (covariance == "full") _logDeterminant[c] = InverseCholesky(sigma, factor, width);
            else
            {
                for (var i = 0; i < size; i++)
                {
                    if (!(sigma[i] > 0)) throw IllDefined();
                    factor[i] = 1 / Math.Sqrt(sigma[i]);
                    _logDeterminant[c] += Math.Log(factor[i]) * (covariance == "spherical" ? width : 1);
                }
            }
        }
    }

    public string Covariance { get; }

    public int Width { get; }

    public int Count => Weights.Length;

    public double[] Weights { get; }

    /// <summary>k × d, row-major.</summary>
    public double[] Means { get; }

    /// <summary>full: k × d × d; diag: k × d; spherical: k.</summary>
    public double[] Covariances { get; }

    public static int CovarianceSize(string covariance, int width) => covariance switch
    {
        "full" => width * width,
        "diag" => width,
        _ => 1,
    };

    /// <summary>
    /// The E-step: for every row, each component's responsibility (into <paramref name="responsibilities"/>,
    /// k × n column-major, when given) and the row's log-likelihood (into <paramref name="rowLogLikelihood"/>,
    /// when given); returns the mean log-likelihood. Chunks of rows run in parallel; sums are combined in
    /// chunk order, so the result does not depend on threading.
    /// </summary>
    public double Expect(double[] x, double[]? responsibilities, float[]? rowLogLikelihood)
    {
        var n = x.Length / Width;
        var chunks = (n + ChunkRows - 1) / ChunkRows;
        var partial = new double[chunks];
        var k = Count;
        var logWeights = Array.ConvertAll(Weights, Math.Log);
        Parallel.For(0, chunks, chunk =>
        {
            var start = chunk * ChunkRows;
            partial[chunk] = ExpectRows(x, start, Math.Min(n, start + ChunkRows), logWeights, responsibilities, rowLogLikelihood);
        });
        return partial.Sum() / n;
    }

    /// <summary>The E-step for rows start..end−1; returns the sum of their log-likelihoods.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ExpectRows(double[] x, int start, int end, double[] logWeights, double[]? responsibilities, float[]? rowLogLikelihood)
    {
        var (n, k) = (x.Length / Width, Count);
        var logp = new double[k];
        var diff = new double[Width];
        double sum = 0;
        for (var r = start; r < end; r++)
        {
            var row = new ReadOnlySpan<double>(x, r * Width, Width);
            var max = double.NegativeInfinity;
            for (var c = 0; c < k; c++)
            {
                logp[c] = logWeights[c] + LogDensity(c, row, diff);
                max = Math.Max(max, logp[c]);
            }
            double total = 0;
            for (var c = 0; c < k; c++) total += Math.Exp(logp[c] - max);
            var logSum = max + Math.Log(total);
            sum += logSum;
            if (rowLogLikelihood is not null) rowLogLikelihood[r] = (float)logSum;
            if (responsibilities is not null)
                for (var c = 0; c < k; c++) responsibilities[c * n + r] = Math.Exp(logp[c] - logSum);
        }
        return sum;
    }

    /// <summary>log N(x; μ_c, Σ_c).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double LogDensity(int c, ReadOnlySpan<double> row, double[] diff)
    {
        var d = Width;
        var mean = Means.AsSpan(c * d, d);
        for (var j = 0; j < d; j++) diff[j] = row[j] - mean[j];
        double mahalanobis;
        switch (Covariance)
        {
            case "full":
                mahalanobis = 0;
                var factor = _precisionFactor.AsSpan(c * d * d, d * d);
                for (var i = 0; i < d; i++)
                {
                    var y = SimdKernels.Dot(factor.Slice(i * d, i + 1), diff.AsSpan(0, i + 1));
                    mahalanobis += y * y;
                }
                break;
            case "diag":
                var scales = _precisionFactor.AsSpan(c * d, d);
                for (var j = 0; j < d; j++) diff[j] *= scales[j];
                mahalanobis = SimdKernels.Dot(diff, diff);
                break;
            default:
                mahalanobis = SimdKernels.Dot(diff, diff) * _precisionFactor[c] * _precisionFactor[c];
                break;
        }
        return -0.5 * (d * LogTwoPi + mahalanobis) + _logDeterminant[c];
    }

    /// <summary>
    /// The M-step: weights, means and covariances (plus <paramref name="regularisation"/> on the diagonal)
    /// from responsibilities (k × n column-major) and the rows transposed (<paramref name="xt"/>, d × n).
    /// </summary>
    public static GaussianComponents Maximise(string covariance, double[] xt, int n, double[] responsibilities, int k, double regularisation)
    {
        var d = xt.Length / n;
        var size = CovarianceSize(covariance, d);
        var weights = new double[k];
        var means = new double[k * d];
        var covariances = new double[k * size];
        var scaled = covariance == "full" ? new double[d * n] : null;
        for (var c = 0; c < k; c++)
        {
            var resp = responsibilities.AsSpan(c * n, n);
            var nk = TensorPrimitives.Sum<double>(resp) + 10 * MachineEpsilon; // as scikit-learn, so that no n_k is 0
            weights[c] = nk;
            var mean = means.AsSpan(c * d, d);
            for (var j = 0; j < d; j++) mean[j] = SimdKernels.Dot(responsibilities.AsSpan(c * n, n), xt.AsSpan(j * n, n)) / nk;
            var cov = covariances.AsSpan(c * size, size);
            var meanCopy = mean.ToArray();
            var component = c;
            if (covariance == "full")
            {
                // Σ = Dᵀ·D / n_k with D = √resp · (x − μ): fill D column by column, then the lower triangle.
                var root = new double[n];
                TensorPrimitives.Sqrt<double>(resp, root);
                Parallel.For(0, d, j =>
                {
                    var column = scaled.AsSpan(j * n, n);
                    TensorPrimitives.Subtract(xt.AsSpan(j * n, n), meanCopy[j], column);
                    TensorPrimitives.Multiply<double>(column, root, column);
                });
                var full = new double[size];
                Parallel.For(0, d, i =>
                {
                    for (var j = 0; j <= i; j++)
                        full[i * d + j] = full[j * d + i] = SimdKernels.Dot(scaled.AsSpan(i * n, n), scaled.AsSpan(j * n, n)) / nk;
                });
                full.CopyTo(cov);
                for (var j = 0; j < d; j++) cov[j * d + j] += regularisation;
            }
            else
            {
                var variances = new double[d];
                var buffer = new double[n];
                for (var j = 0; j < d; j++)
                {
                    TensorPrimitives.Subtract(xt.AsSpan(j * n, n), meanCopy[j], buffer);
                    TensorPrimitives.Multiply<double>(buffer, buffer, buffer);
                    variances[j] = SimdKernels.Dot(buffer, responsibilities.AsSpan(component * n, n)) / nk + regularisation;
                }
                if (covariance == "diag") variances.CopyTo(cov);
                else cov[0] = variances.Average();
            }
        }
        var total = weights.Sum();
        for (var c = 0; c < k; c++) weights[c] /= total;
        return new GaussianComponents(covariance, d, weights, means, covariances);
    }

    /// <summary>Writes L⁻¹ (lower triangle) for Σ = L·Lᵀ into <paramref name="inverse"/>; returns log det(L⁻¹).</summary>
    private static double InverseCholesky(ReadOnlySpan<double> sigma, Span<double> inverse, int d)
    {
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = sigma[i * d + j] - SimdKernels.Dot(l.AsSpan(i * d, j), l.AsSpan(j * d, j));
                if (i == j)
                {
                    if (!(sum > 0)) throw IllDefined();
                    l[i * d + i] = Math.Sqrt(sum);
                }
                else l[i * d + j] = sum / l[j * d + j];
            }
        }
        inverse.Clear();
        double logDeterminant = 0;
        for (var col = 0; col < d; col++)
        {
            // Forward substitution: L · v = e_col; v is column col of L⁻¹ (zero above the diagonal).
            for (var i = col; i < d; i++)
            {
                var sum = i == col ? 1.0 : 0.0;
                for (var m = col; m < i; m++) sum -= l[i * d + m] * inverse[m * d + col];
                inverse[i * d + col] = sum / l[i * d + i];
            }
            logDeterminant -= Math.Log(l[col * d + col]);
        }
        return logDeterminant;
    }

    private static LatheException IllDefined() => LatheException.BadData(
        "Fitting the Gaussian mixture failed: a component's covariance is not positive definite (for instance a component " +
        "holding a single row or rows that are all the same). Lower model.components, raise model.reg_covar, or use model.covariance: diag.");
}
