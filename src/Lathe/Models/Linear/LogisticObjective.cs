using System.Buffers;
using System.Runtime.CompilerServices;

namespace Lathe.Models.Linear;

/// <summary>
/// The smooth part of logistic regression's objective and its gradient, as scikit-learn's lbfgs solver
/// defines it: Σᵢ log loss(rowᵢ) + (l2/2)‖W‖² (intercepts not penalized). Two classes: one weight
/// vector and the sigmoid (the binomial model, as scikit-learn fits binary targets); more: one vector
/// per class and the softmax (multinomial). Parameters are laid out as W (outputs × width, row-major),
/// then the intercepts. Rows are processed in fixed chunks in parallel; each chunk sums into its own
/// gradient and the chunks are added in order, so results do not depend on thread timing.
/// </summary>
internal sealed class LogisticObjective
{
    private readonly float[] _x;
    private readonly int[] _y;
    private readonly int _rows;
    private readonly int _chunks;
    private readonly int _rowsPerChunk;
    private readonly double[][] _chunkGradients;
    private readonly double[] _chunkLosses;

    public LogisticObjective(float[] x, int width, int[] y, int classes, bool fitIntercept, double l2)
    {
        (_x, _y, Width, Classes, FitIntercept, L2) = (x, y, width, classes, fitIntercept, l2);
        _rows = y.Length;
        Outputs = classes == 2 ? 1 : classes;
        _chunks = LinearScores.ChunkCount(_rows, 2L * width * Outputs);
        _rowsPerChunk = (_rows + _chunks - 1) / _chunks;
        _chunkGradients = [.. Enumerable.Range(0, _chunks).Select(_ => new double[Dimension])];
        _chunkLosses = new double[_chunks];
    }

    public int Width { get; }

    public int Classes { get; }

    /// <summary>Weight vectors: 1 for two classes (binomial), else one per class.</summary>
    public int Outputs { get; }

    public bool FitIntercept { get; }

    public double L2 { get; }

    public int Dimension => Outputs * Width + (FitIntercept ? Outputs : 0);

    /// <summary>The (l2/2)‖W‖² term alone.</summary>
    public double Penalty(ReadOnlySpan<double> theta)
    {
        if (L2 == 0) return 0;
        var w = theta[..(Outputs * Width)];
        var sum = 0.0;
        foreach (var v in w) sum += v * v;
        return 0.5 * L2 * sum;
    }

    /// <summary>The objective at <paramref name="theta"/>; writes its gradient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Evaluate(double[] theta, double[] gradient)
    {
        if (_chunks == 1)
            EvaluateChunk(theta, 0);
        else
            Parallel.For(0, _chunks, c => EvaluateChunk(theta, c));
        Array.Copy(_chunkGradients[0], gradient, Dimension);
        var loss = _chunkLosses[0];
        for (var c = 1; c < _chunks; c++)
        {
            var g = _chunkGradients[c];
            for (var i = 0; i < gradient.Length; i++) gradient[i] += g[i];
            loss += _chunkLosses[c];
        }
        if (L2 != 0)
        {
            var weights = Outputs * Width;
            for (var i = 0; i < weights; i++) gradient[i] += L2 * theta[i];
        }
        return loss + Penalty(theta);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EvaluateChunk(double[] theta, int chunk)
    {
        var from = chunk * _rowsPerChunk;
        var to = Math.Min(_rows, from + _rowsPerChunk);
        var gradient = _chunkGradients[chunk];
        Array.Clear(gradient);
        _chunkLosses[chunk] = 0;
        if (from >= to) return;
        var (width, outputs) = (Width, Outputs);
        var weights = theta.AsSpan(0, outputs * width);
        var intercepts = FitIntercept ? theta.AsSpan(outputs * width, outputs) : [];
        var weightGradient = gradient.AsSpan(0, outputs * width);
        var buffer = ArrayPool<double>.Shared.Rent(LinearKernels.BlockRows * (width + outputs));
        try
        {
            var loss = 0.0;
            for (var start = from; start < to; start += LinearKernels.BlockRows)
            {
                // One block of rows, widened once: its scores, the loss and residuals (probability − truth) in place
                // of the scores, then its share of the gradient while the block is still in cache.
                var count = Math.Min(LinearKernels.BlockRows, to - start);
                var x = buffer.AsSpan(0, count * width);
                var z = buffer.AsSpan(LinearKernels.BlockRows * width, count * outputs);
                LinearKernels.Widen(_x.AsSpan(start * width, count * width), x);
                LinearKernels.Scores(x, width, weights, intercepts, outputs, z);
                if (outputs == 1)
                    for (var r = 0; r < count; r++) loss += BinomialResidual(ref z[r], _y[start + r]);
                else
                    loss += SoftmaxResiduals(z, outputs, _y.AsSpan(start, count));
                LinearKernels.AddGradient(x, width, z, outputs, weightGradient);
                if (FitIntercept)
                    for (var r = 0; r < count; r++)
                        for (var k = 0; k < outputs; k++)
                            gradient[outputs * width + k] += z[r * outputs + k];
            }
            _chunkLosses[chunk] = loss;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>log(1 + eᶻ) − y·z; replaces z by σ(z) − y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double BinomialResidual(ref double z, int y)
    {
        var score = z;
        var loss = (score > 0 ? score + Math.Log(1 + Math.Exp(-score)) : Math.Log(1 + Math.Exp(score))) - (y == 1 ? score : 0);
        z = Sigmoid(score) - y;
        return loss;
    }

    /// <summary>
    /// <see cref="MultinomialResidual"/> for a block of rows (rows × classes) at once, with the exponentials
    /// vectorized across the block. Returns the summed loss.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SoftmaxResiduals(Span<double> z, int classes, ReadOnlySpan<int> y)
    {
        var loss = 0.0;
        for (var r = 0; r < y.Length; r++)
        {
            var row = z.Slice(r * classes, classes);
            var max = double.NegativeInfinity;
            foreach (var v in row) max = Math.Max(max, v);
            for (var k = 0; k < classes; k++) row[k] -= max;
            loss -= row[y[r]];
        }
        LinearKernels.Exp(z[..(y.Length * classes)]);
        for (var r = 0; r < y.Length; r++)
        {
            var row = z.Slice(r * classes, classes);
            var sum = 0.0;
            foreach (var v in row) sum += v;
            loss += Math.Log(sum);
            for (var k = 0; k < classes; k++) row[k] /= sum;
            row[y[r]] -= 1;
        }
        return loss;
    }

    /// <summary>log Σₖ e^zₖ − z_y; replaces z by softmax(z) − onehot(y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double MultinomialResidual(Span<double> z, int y)
    {
        var max = double.NegativeInfinity;
        foreach (var v in z) max = Math.Max(max, v);
        var truth = z[y] - max;
        var sum = 0.0;
        for (var k = 0; k < z.Length; k++)
        {
            z[k] = Math.Exp(z[k] - max);
            sum += z[k];
        }
        var loss = Math.Log(sum) - truth;
        for (var k = 0; k < z.Length; k++) z[k] /= sum;
        z[y] -= 1;
        return loss;
    }

    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>
    /// Mean log loss of rows <paramref name="x"/> with classes <paramref name="y"/> (rows whose class is
    /// negative — not a training class — are skipped); each row's loss is capped at −log(1e-15), as in the metrics.
    /// </summary>
    public double MeanLogLoss(float[] x, int[] y, double[] theta)
    {
        var intercepts = FitIntercept ? theta.AsSpan(Outputs * Width, Outputs) : [];
        var z = LinearScores.Of(x, Width, theta, intercepts, Outputs);
        double sum = 0;
        var counted = 0;
        for (var r = 0; r < y.Length; r++)
        {
            if (y[r] < 0) continue;
            var row = z.AsSpan(r * Outputs, Outputs);
            var loss = Outputs == 1 ? BinomialResidual(ref row[0], y[r]) : MultinomialResidual(row, y[r]);
            sum += Math.Min(loss, -Math.Log(1e-15));
            counted++;
        }
        return counted == 0 ? double.NaN : sum / counted;
    }
}
