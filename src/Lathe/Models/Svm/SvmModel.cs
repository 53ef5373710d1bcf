using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.IO;

namespace Lathe.Models.Svm;

/// <summary>
/// A fitted SVM in libsvm's layout. The support vectors are grouped by class (classification); for the
/// one-vs-one pair of labels (i, j), i &lt; j, the coefficients y·α of class i's support vectors are in
/// row j − 1 of <c>coefficients</c> and those of class j in row i, so (labels − 1) rows cover every pair.
/// Decision value of a pair: Σ coef·K(sv, x) − ρ, positive for the first class of the pair. Regression has
/// one row (α − α*) and one ρ. Support vectors are saved as raw float32 (svm.bin), the rest in JSON.
/// </summary>
public sealed class SvmModel : IModel
{
    public const string DataFile = "svm.bin";

    private readonly float[] _supportVectors;
    private readonly float[] _squaredNorms;
    private readonly int[] _everySupportVector;
    private readonly int _width;
    private readonly double[] _coefficients;
    private readonly double[] _rho;
    private readonly double[]? _probA;
    private readonly double[]? _probB;
    private readonly int[] _labels;
    private readonly int[] _counts;
    private readonly int[] _starts;
    private readonly IReadOnlyList<string> _features;
    private readonly IReadOnlyList<string>? _classes;

    /// <param name="labels">Classification: the indices (into <paramref name="classes"/>) of the classes the training rows held, ascending.</param>
    /// <param name="counts">Support vectors per label (classification), or their total (regression).</param>
    internal SvmModel(KernelFunction kernel, TaskKind task, IReadOnlyList<string> features, IReadOnlyList<string>? classes, int[] labels,
        int[] counts, float[] supportVectors, int width, double[] coefficients, double[] rho, double[]? probA, double[]? probB)
    {
        (Kernel, Task, _features, _classes, _labels, _counts) = (kernel, task, features, classes, labels, counts);
        (_supportVectors, _width, _coefficients, _rho, _probA, _probB) = (supportVectors, width, coefficients, rho, probA, probB);
        SupportVectorCount = counts.Sum();
        _squaredNorms = DotProducts.SquaredNorms(supportVectors, width);
        _everySupportVector = [.. Enumerable.Range(0, SupportVectorCount)];
        _starts = new int[counts.Length];
        for (var c = 1; c < counts.Length; c++) _starts[c] = _starts[c - 1] + counts[c - 1];
    }

    public string Type => SvmEstimator.TypeName;

    public TaskKind Task { get; }

    public KernelFunction Kernel { get; }

    /// <summary>Number of support vectors (each stored once, even when several one-vs-one problems use it).</summary>
    public int SupportVectorCount { get; }

    /// <summary>Support vectors per class (classification).</summary>
    public IReadOnlyDictionary<string, int> SupportVectorsPerClass =>
        _classes is null ? new Dictionary<string, int>() : _labels.Select((l, i) => (l, i)).ToDictionary(p => _classes[p.l], p => _counts[p.i]);

    /// <summary>Support vector <paramref name="s"/> (in prepared input units), grouped by class in label order.</summary>
    public ReadOnlySpan<float> SupportVector(int s) => _supportVectors.AsSpan(s * _width, _width);

    /// <summary>
    /// y·α (classification) or α − α* (regression) of every support vector: (labels − 1) rows of
    /// <see cref="SupportVectorCount"/> in libsvm's layout (see the class summary), like scikit-learn's dual_coef_.
    /// </summary>
    public ReadOnlySpan<double> DualCoefficients => _coefficients;

    /// <summary>−ρ of every decision function: decision = Σ coef·K(sv, x) + intercept.</summary>
    public double[] Intercepts => [.. _rho.Select(r => -r)];

    /// <summary>Whether probabilities are Platt-calibrated (otherwise they are one-vs-one vote shares).</summary>
    public bool Calibrated => _probA is not null;

    /// <summary>Number of decision values per row: one per pair of training classes (k(k − 1)/2), or 1 for regression.</summary>
    public int DecisionCount => _rho.Length;

    /// <summary>
    /// Raw decision values, rows × <see cref="DecisionCount"/>, pairs in the order (0,1), (0,2), …, (1,2), …
    /// of the training classes; positive favours the first class of the pair (libsvm's sign).
    /// </summary>
    public double[] DecisionValues(Table table)
    {
        var x = Inputs(table);
        var rows = table.RowCount;
        var norms = DotProducts.SquaredNorms(x, _width);
        var count = SupportVectorCount;
        var values = new double[rows * _rho.Length];
        // Blocks of rows against all support vectors: the blocked dot products reuse every vector load. Threads
        // only when there is enough work to repay them.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = (double)rows * count * _width < SmallWork ? 1 : -1 };
        Parallel.For(0, (rows + RowBlock - 1) / RowBlock, parallel, () => new Scratch(count), (block, _, scratch) =>
        {
            var from = block * RowBlock;
            var n = Math.Min(RowBlock, rows - from);
            Span<int> query = stackalloc int[n];
            for (var q = 0; q < n; q++) query[q] = from + q;
            Kernel.Matrix(x, norms, query, _supportVectors, _squaredNorms, _everySupportVector, _width, scratch.Kernel, scratch.Norms);
            for (var q = 0; q < n; q++)
                Decide(scratch.Kernel.AsSpan(q * count, count), scratch.Widened, values.AsSpan((from + q) * _rho.Length, _rho.Length));
            return scratch;
        }, _ => { });
        return values;
    }

    private const int RowBlock = 64;

    /// <summary>Multiply-adds below which a prediction runs on one thread.</summary>
    private const double SmallWork = 1 << 21;

    private sealed class Scratch(int supportVectors)
    {
        public float[] Kernel { get; } = new float[RowBlock * supportVectors];
        public float[] Norms { get; } = new float[supportVectors];
        public double[] Widened { get; } = new double[supportVectors];
    }

    public Prediction Predict(Table table)
    {
        var decisions = DecisionValues(table);
        var rows = table.RowCount;
        if (_classes is null) return Prediction.Regression([.. decisions.Select(v => (float)v)]);
        var k = _classes.Count;
        var probabilities = new float[rows * k];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = rows * _rho.Length < 1 << 14 ? 1 : -1 };
        Parallel.For(0, rows, parallel, r => Probabilities(decisions.AsSpan(r * _rho.Length, _rho.Length), probabilities.AsSpan(r * k, k)));
        return Prediction.Classification(probabilities, _classes);
    }

    private float[] Inputs(Table table)
    {
        var x = FeatureMatrix.Build(table, _features, out var width);
        if (width != _width) throw LatheException.BadData($"The input has {width} feature values per row; this SVM was trained on {_width}.");
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Decide(ReadOnlySpan<float> kernelRow, double[] kernelValues, Span<double> decisions)
    {
        for (var s = 0; s < kernelValues.Length; s++) kernelValues[s] = kernelRow[s];
        var n = kernelValues.Length;
        if (_classes is null)
        {
            decisions[0] = Dot(_coefficients.AsSpan(0, n), kernelValues) - _rho[0];
            return;
        }
        var pair = 0;
        for (var i = 0; i < _labels.Length; i++)
            for (var j = i + 1; j < _labels.Length; j++, pair++)
            {
                var sum = Dot(_coefficients.AsSpan((j - 1) * n + _starts[i], _counts[i]), kernelValues.AsSpan(_starts[i], _counts[i]))
                        + Dot(_coefficients.AsSpan(i * n + _starts[j], _counts[j]), kernelValues.AsSpan(_starts[j], _counts[j]));
                decisions[pair] = sum - _rho[pair];
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var t = 0;
        var sum = 0.0;
        if (Vector256.IsHardwareAccelerated && a.Length >= Vector256<double>.Count)
        {
            var c = Vector256<double>.Zero;
            for (; t + Vector256<double>.Count <= a.Length; t += Vector256<double>.Count)
                c = Vector256.FusedMultiplyAdd(Vector256.Create(a.Slice(t, 4)), Vector256.Create(b.Slice(t, 4)), c);
            sum = Vector256.Sum(c);
        }
        for (; t < a.Length; t++) sum += a[t] * b[t];
        return sum;
    }

    /// <summary>Pairwise Platt probabilities coupled into class probabilities, or the shares of one-vs-one votes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Probabilities(ReadOnlySpan<double> decisions, Span<float> into)
    {
        var k = _labels.Length;
        var p = new double[k];
        if (_probA is null)
        {
            var pair = 0;
            for (var i = 0; i < k; i++)
                for (var j = i + 1; j < k; j++, pair++)
                    p[decisions[pair] > 0 ? i : j]++;
            for (var i = 0; i < k; i++) p[i] /= _rho.Length;
        }
        else
        {
            const double minProbability = 1e-7;
            var r = new double[k * k];
            var pair = 0;
            for (var i = 0; i < k; i++)
                for (var j = i + 1; j < k; j++, pair++)
                {
                    var pij = Math.Clamp(PlattScaling.Probability(decisions[pair], _probA[pair], _probB![pair]), minProbability, 1 - minProbability);
                    r[i * k + j] = pij;
                    r[j * k + i] = 1 - pij;
                }
            PairwiseCoupling.Couple(k, r, p);
        }
        for (var i = 0; i < k; i++) into[_labels[i]] = (float)p[i];
    }

    public JsonObject Save(string directory)
    {
        var bytes = new byte[_supportVectors.Length * sizeof(float)];
        Buffer.BlockCopy(_supportVectors, 0, bytes, 0, bytes.Length);
        AtomicFile.WriteAllBytes(Path.Combine(directory, DataFile), bytes);
        var json = new JsonObject
        {
            ["type"] = Type,
            ["task"] = Task.ToString().ToLowerInvariant(),
            ["features"] = Array(_features),
            ["classes"] = _classes is null ? null : Array(_classes),
            ["labels"] = Array(_labels),
            ["support_vector_counts"] = Array(_counts),
            ["width"] = _width,
            ["support_vectors"] = SupportVectorCount,
            ["data"] = DataFile,
            ["coefficients"] = Array(_coefficients),
            ["rho"] = Array(_rho),
            ["prob_a"] = _probA is null ? null : Array(_probA),
            ["prob_b"] = _probB is null ? null : Array(_probB),
        };
        foreach (var (key, value) in Kernel.ToJson()) json[key] = value?.DeepClone();
        return json;
    }

    public static SvmModel Load(JsonObject json, string directory)
    {
        var width = (int)json["width"]!;
        var count = (int)json["support_vectors"]!;
        var path = Path.Combine(directory, (string)json["data"]!);
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : throw LatheException.BadData($"{path}: the model's support-vector file is missing.");
        if (bytes.Length != (long)count * width * sizeof(float))
            throw LatheException.BadData($"{path}: expected {(long)count * width * sizeof(float)} bytes, found {bytes.Length}; the file is damaged.");
        var supportVectors = new float[count * width];
        Buffer.BlockCopy(bytes, 0, supportVectors, 0, bytes.Length);
        var labels = Ints(json["labels"]!);
        var counts = Ints(json["support_vector_counts"]!);
        var coefficients = Doubles(json["coefficients"]!);
        var rho = Doubles(json["rho"]!);
        var pairs = labels.Length * (labels.Length - 1) / 2;
        if (counts.Sum() != count || coefficients.Length != Math.Max(1, labels.Length - 1) * count || rho.Length != Math.Max(1, pairs))
            throw LatheException.BadData($"{directory}: the SVM's counts, coefficients and offsets do not fit together; the model file is damaged.");
        return new SvmModel(
            KernelFunction.FromJson(json),
            Enum.Parse<TaskKind>((string)json["task"]!, ignoreCase: true),
            [.. json["features"]!.AsArray().Select(f => (string)f!)],
            json["classes"]?.AsArray().Select(c => (string)c!).ToArray(),
            labels,
            counts,
            supportVectors,
            width,
            coefficients,
            rho,
            json["prob_a"] is { } a ? Doubles(a) : null,
            json["prob_b"] is { } b ? Doubles(b) : null);
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonArray Array(IEnumerable<int> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonArray Array(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static int[] Ints(JsonNode node) => [.. node.AsArray().Select(v => (int)v!)];

    private static double[] Doubles(JsonNode node) => [.. node.AsArray().Select(v => (double)v!)];
}
