using System.Numerics.Tensors;
using System.Numerics;
using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Metrics;
using Lathe.Training;

namespace Lathe.Models.Bayes;

/// <summary>
/// Gaussian naive Bayes: each class's features are independent normals with the class's mean and
/// variance; variances get 1e-9 × the largest feature variance added (scikit-learn's var_smoothing).
/// Probabilities by Bayes' rule with the training class shares as priors, computed in log space.
/// </summary>
public sealed class GaussianNaiveBayes : IEstimator
{
    /// <summary>Rows × features above which the features are fitted on several threads.</summary>
    private const long ParallelWork = 100_000;

    public const string TypeName = "naive_bayes";

    public string Type => TypeName;

    public IModel Fit(TrainingData data, FitContext context)
    {
        if (data.Task != TaskKind.Classification) throw LatheException.BadConfig("model.type naive_bayes is a classifier; the task is regression.");
        var features = data.FeatureNames;
        FeatureMatrix.Validate(data.Train, features);
        var width = FeatureMatrix.WidthOf(data.Train, features);
        var (codes, _) = TargetValues.Of(data);
        var classes = data.Classes;
        var k = classes.Count;
        var counts = new double[k];
        foreach (var c in codes!) counts[c]++;
        var means = new double[k * width];
        var variances = new double[k * width];
        // Straight from the table's columns, feature by feature (no row-major copy of the training rows), features in parallel.
        var sources = features.SelectMany(name => data.Train[name] switch
        {
            VectorColumn vector => Enumerable.Range(0, vector.Width).Select(j => (Column: (Column)vector, Offset: j, Stride: vector.Width)),
            var column => [(Column: column, Offset: 0, Stride: 1)],
        }).ToArray();
        // The rows grouped by class once (a counting sort), so each class's values of a feature are summed as one run.
        var starts = new int[k + 1];
        for (var c = 0; c < k; c++) starts[c + 1] = starts[c] + (int)counts[c];
        var order = new int[codes.Length];
        var next = starts[..k];
        for (var r = 0; r < codes.Length; r++) order[next[codes[r]]++] = r;
        var spread = new double[width];
        double[] Fit(int f, double[] buffer)
        {
            var (column, offset, stride) = sources[f];
            var values = column is VectorColumn v ? v.Data : ((NumericColumn)column).Values;
            spread[f] = Moments(values, stride, offset, order, starts, means, variances, width, f, buffer);
            return buffer;
        }
        // Small tables on this thread: waking pool threads costs more than their share of the work.
        if ((long)codes.Length * width < ParallelWork)
        {
            var buffer = new double[codes.Length];
            for (var f = 0; f < width; f++) Fit(f, buffer);
        }
        else Parallel.For(0, width, () => new double[codes.Length], (f, _, buffer) => Fit(f, buffer), _ => { });
        var largestVariance = width == 0 ? 0 : spread.Max();
        var epsilon = 1e-9 * largestVariance;
        for (var i = 0; i < variances.Length; i++) variances[i] += epsilon;

        context.Start(1, null);
        var model = new NaiveBayesModel(features, classes, [.. counts.Select(n => Math.Log(n / codes.Length))], means, variances, width);
        context.Report(1, FitLosses.Of(model, data, context));
        context.Finish();
        return model;
    }

    /// <summary>
    /// Per-class mean and variance (two passes, as numerically careful as scikit-learn's, in double) of one feature read
    /// at <paramref name="offset"/> + r·<paramref name="stride"/>, its values gathered into class order in
    /// <paramref name="buffer"/> so that each class is a contiguous run summed with SIMD; returns the feature's variance
    /// over all rows (law of total variance).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static double Moments(ReadOnlySpan<float> values, int stride, int offset, int[] order, int[] starts, double[] means, double[] variances,
        int width, int feature, double[] buffer)
    {
        var rows = order.Length;
        for (var i = 0; i < rows; i++) buffer[i] = values[offset + order[i] * stride];
        var k = starts.Length - 1;
        var overall = TensorPrimitives.Sum(buffer.AsSpan(0, rows)) / rows;
        var spread = 0.0;
        for (var c = 0; c < k; c++)
        {
            var run = buffer.AsSpan(starts[c], starts[c + 1] - starts[c]);
            var n = Math.Max(run.Length, 1);
            var mean = TensorPrimitives.Sum<double>(run) / n;
            TensorPrimitives.Subtract(run, mean, run);
            var squares = TensorPrimitives.SumOfSquares<double>(run);
            means[c * width + feature] = mean;
            variances[c * width + feature] = squares / n;
            spread += squares + run.Length * (mean - overall) * (mean - overall);
        }
        return spread / rows;
    }
}

/// <summary>A fitted Gaussian naive Bayes: log priors, means and variances per class and feature, as JSON.</summary>
public sealed class NaiveBayesModel(IReadOnlyList<string> features, IReadOnlyList<string> classes, double[] logPriors, double[] means, double[] variances, int width)
    : IModel
{
    public string Type => GaussianNaiveBayes.TypeName;

    public TaskKind Task => TaskKind.Classification;

    public Prediction Predict(Table table)
    {
        var x = FeatureMatrix.Build(table, features, out var inputWidth);
        if (inputWidth != width) throw LatheException.BadData($"The input has {inputWidth} feature values per row; this model was trained on {width}.");
        return Prediction.Classification(ProbabilitiesOf(x, table.RowCount), classes);
    }

    /// <summary>Class probabilities (rows × classes) of a row-major matrix with this model's features.</summary>
    internal float[] ProbabilitiesOf(float[] x, int rows)
    {
        var k = classes.Count;
        // Per class, the row-independent part of the log likelihood and the inverse variances, computed once.
        var constant = new double[k];
        var inverse = new double[k * width];
        for (var c = 0; c < k; c++)
        {
            var sum = double.IsFinite(logPriors[c]) ? logPriors[c] : double.NegativeInfinity;
            for (var j = 0; j < width; j++)
            {
                sum -= 0.5 * Math.Log(2 * Math.PI * variances[c * width + j]);
                inverse[c * width + j] = 1 / variances[c * width + j];
            }
            constant[c] = sum;
        }
        var probabilities = new float[rows * k];
        // Threads only pay once there is real work: starting them costs more than scoring a small table.
        var options = new ParallelOptions { MaxDegreeOfParallelism = (long)rows * k * width > 2_000_000 ? -1 : 1 };
        Parallel.For(0, rows, options, () => (new double[k], new double[width]), (r, _, scratch) =>
        {
            var (logLikelihood, row) = scratch;
            for (var j = 0; j < width; j++) row[j] = x[r * width + j];
            for (var c = 0; c < k; c++)
                logLikelihood[c] = constant[c] - 0.5 * WeightedSquares(row, means.AsSpan(c * width, width), inverse.AsSpan(c * width, width));
            var max = logLikelihood.Max();
            var total = 0.0;
            for (var c = 0; c < k; c++) total += Math.Exp(logLikelihood[c] - max);
            for (var c = 0; c < k; c++) probabilities[r * k + c] = (float)(Math.Exp(logLikelihood[c] - max) / total);
            return scratch;
        }, _ => { });
        return probabilities;
    }

    /// <summary>Σ (x − mean)² / variance, in double, several features per SIMD step.</summary>
    private static double WeightedSquares(ReadOnlySpan<double> x, ReadOnlySpan<double> mean, ReadOnlySpan<double> inverse)
    {
        var sum = Vector<double>.Zero;
        var j = 0;
        for (; j <= x.Length - Vector<double>.Count; j += Vector<double>.Count)
        {
            var d = new Vector<double>(x[j..]) - new Vector<double>(mean[j..]);
            sum += d * d * new Vector<double>(inverse[j..]);
        }
        var total = Vector.Sum(sum);
        for (; j < x.Length; j++) total += (x[j] - mean[j]) * (x[j] - mean[j]) * inverse[j];
        return total;
    }

    public JsonObject Save(string directory) => new()
    {
        ["type"] = Type,
        ["features"] = new JsonArray([.. features.Select(f => JsonValue.Create(f))]),
        ["classes"] = new JsonArray([.. classes.Select(c => JsonValue.Create(c))]),
        ["log_priors"] = new JsonArray([.. logPriors.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null)]),
        ["means"] = new JsonArray([.. means.Select(v => JsonValue.Create(v))]),
        ["variances"] = new JsonArray([.. variances.Select(v => JsonValue.Create(v))]),
        ["width"] = width,
    };

    public static NaiveBayesModel Load(JsonObject json, string directory) => new(
        [.. json["features"]!.AsArray().Select(f => (string)f!)],
        [.. json["classes"]!.AsArray().Select(c => (string)c!)],
        [.. json["log_priors"]!.AsArray().Select(v => (double?)v ?? double.NegativeInfinity)],
        [.. json["means"]!.AsArray().Select(v => (double)v!)],
        [.. json["variances"]!.AsArray().Select(v => (double)v!)],
        (int)json["width"]!);
}
