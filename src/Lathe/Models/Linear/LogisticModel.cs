using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Models.Linear;

/// <summary>
/// A fitted logistic regression, saved as plain JSON numbers (they load back bit for bit). With two classes
/// it holds one weight vector, for the second class (P(second) = σ(b + w·x), as scikit-learn's coef_); with
/// more, one per class and probabilities by softmax.
/// </summary>
public sealed class LogisticModel : IModel
{
    private readonly IReadOnlyList<string> _features;
    private readonly IReadOnlyList<string> _classes;
    private readonly double[] _weights;
    private readonly double[] _intercepts;
    private readonly int _width;

    /// <param name="weights">Row-major, one row of <paramref name="width"/> per weight vector (1 for two classes, else one per class).</param>
    public LogisticModel(IReadOnlyList<string> features, IReadOnlyList<string> classes, double[] weights, double[] intercepts, int width)
    {
        var outputs = classes.Count == 2 ? 1 : classes.Count;
        if (weights.Length != outputs * width || intercepts.Length != outputs)
            throw new ArgumentException($"{classes.Count} classes and {width} features need {outputs}×{width} weights and {outputs} intercepts.");
        (_features, _classes, _weights, _intercepts, _width) = (features, classes, weights, intercepts, width);
    }

    public string Type => LogisticRegression.TypeName;

    public TaskKind Task => TaskKind.Classification;

    public IReadOnlyList<string> Features => _features;

    public IReadOnlyList<string> Classes => _classes;

    /// <summary>The class each row of <see cref="Coefficients"/> scores: the second class alone for two classes, else every class.</summary>
    public IReadOnlyList<string> CoefficientClasses => _intercepts.Length == 1 ? [_classes[1]] : _classes;

    /// <summary>Weights per class (see <see cref="CoefficientClasses"/>), one per feature-matrix column, in prepared (usually standardized) units.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Coefficients =>
        [.. Enumerable.Range(0, _intercepts.Length).Select(k => (IReadOnlyList<double>)_weights[(k * _width)..((k + 1) * _width)])];

    public IReadOnlyList<double> Intercepts => _intercepts;

    public Prediction Predict(Table table)
    {
        var x = FeatureMatrix.Build(table, _features, out var width);
        if (width != _width) throw LatheException.BadData($"The input has {width} feature values per row; this model was trained on {_width}.");
        var outputs = _intercepts.Length;
        var k = _classes.Count;
        var scores = LinearScores.Of(x, width, _weights, _intercepts, outputs);
        var rows = table.RowCount;
        var probabilities = new float[rows * k];
        for (var r = 0; r < rows; r++)
        {
            if (outputs == 1)
            {
                var p = LogisticObjective.Sigmoid(scores[r]);
                probabilities[r * 2] = (float)(1 - p);
                probabilities[r * 2 + 1] = (float)p;
                continue;
            }
            var row = scores.AsSpan(r * k, k);
            var max = double.NegativeInfinity;
            foreach (var v in row) max = Math.Max(max, v);
            var sum = 0.0;
            foreach (var v in row) sum += Math.Exp(v - max);
            for (var c = 0; c < k; c++) probabilities[r * k + c] = (float)(Math.Exp(row[c] - max) / sum);
        }
        return Prediction.Classification(probabilities, _classes);
    }

    public JsonObject Save(string directory) => new()
    {
        ["type"] = Type,
        ["features"] = new JsonArray([.. _features.Select(f => JsonValue.Create(f))]),
        ["classes"] = new JsonArray([.. _classes.Select(c => JsonValue.Create(c))]),
        ["width"] = _width,
        ["coefficients"] = new JsonArray([.. Coefficients.Select(row => (JsonNode)new JsonArray([.. row.Select(v => JsonValue.Create(v))]))]),
        ["intercepts"] = new JsonArray([.. _intercepts.Select(v => JsonValue.Create(v))]),
    };

    public static LogisticModel Load(JsonObject json, string directory) => new(
        [.. json["features"]!.AsArray().Select(f => (string)f!)],
        [.. json["classes"]!.AsArray().Select(c => (string)c!)],
        [.. json["coefficients"]!.AsArray().SelectMany(row => row!.AsArray().Select(v => (double)v!))],
        [.. json["intercepts"]!.AsArray().Select(v => (double)v!)],
        (int)json["width"]!);
}
