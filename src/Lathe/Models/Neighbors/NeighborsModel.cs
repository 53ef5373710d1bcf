using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.IO;

namespace Lathe.Models.Neighbors;

/// <summary>A fitted k-NN: the training rows (saved as raw float32 in neighbors.bin) and their targets.</summary>
/// <param name="rows">The training rows, row-major; built on first use after fitting (see <see cref="KNearestNeighbors.Fit"/>).</param>
public sealed class NeighborsModel(Lazy<float[]> rows, int width, float[] targets, TaskKind task, IReadOnlyList<string> features,
    IReadOnlyList<string>? classes, NeighborsOptions options) : IModel
{
    public const string DataFile = "neighbors.bin";

    // Built on first use (after fitting or loading) when the data suits it; answers as the brute-force scan does.
    private readonly Lazy<KdTree?> _index = new(() => KdTree.Suits(targets.Length, width) ? new KdTree(rows.Value, width) : null);

    public string Type => KNearestNeighbors.TypeName;

    public TaskKind Task => task;

    public Prediction Predict(Table table)
    {
        var input = FeatureMatrix.Build(table, features, out var inputWidth);
        if (inputWidth != width) throw LatheException.BadData($"The input has {inputWidth} feature values per row; this model was trained on {width}.");
        var count = table.RowCount;
        var outputs = classes?.Count ?? 1;
        var result = new float[count * outputs];
        var x = rows.Value;
        Parallel.For(0, count, r =>
        {
            var query = input.AsSpan(r * width, width);
            var (index, distance) = _index.Value is { } tree ? tree.Nearest(query, options.K) : KNearestNeighbors.Nearest(x, width, query, options.K);
            var weights = distance.Select(d => options.Weights == "distance" ? 1f / Math.Max(d, 1e-12f) : 1f).ToArray();
            var total = weights.Sum();
            for (var i = 0; i < index.Length; i++)
            {
                if (classes is null) result[r] += weights[i] / total * targets[index[i]];
                else result[r * outputs + (int)targets[index[i]]] += weights[i] / total;
            }
            // float rounding can push a sure class's share of the weights a hair above 1
            if (classes is not null)
                for (var k = 0; k < outputs; k++) result[r * outputs + k] = MathF.Min(result[r * outputs + k], 1f);
        });
        return classes is null ? Prediction.Regression(result) : Prediction.Classification(result, classes);
    }

    public JsonObject Save(string directory)
    {
        var x = rows.Value;
        var bytes = new byte[(x.Length + targets.Length) * sizeof(float)];
        Buffer.BlockCopy(x, 0, bytes, 0, x.Length * sizeof(float));
        Buffer.BlockCopy(targets, 0, bytes, x.Length * sizeof(float), targets.Length * sizeof(float));
        AtomicFile.WriteAllBytes(Path.Combine(directory, DataFile), bytes);
        return new JsonObject
        {
            ["type"] = Type,
            ["task"] = task.ToString().ToLowerInvariant(),
            ["features"] = new JsonArray([.. features.Select(f => JsonValue.Create(f))]),
            ["classes"] = classes is null ? null : new JsonArray([.. classes.Select(c => JsonValue.Create(c))]),
            ["width"] = width,
            ["rows"] = targets.Length,
            ["k"] = options.K,
            ["weights"] = options.Weights,
            ["data"] = DataFile,
        };
    }

    public static NeighborsModel Load(JsonObject json, string directory)
    {
        var width = (int)json["width"]!;
        var rows = (int)json["rows"]!;
        var path = Path.Combine(directory, (string)json["data"]!);
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : throw LatheException.BadData($"{path}: the model's data file is missing.");
        if (bytes.Length != (long)rows * (width + 1) * sizeof(float))
            throw LatheException.BadData($"{path}: expected {(long)rows * (width + 1) * sizeof(float)} bytes, found {bytes.Length}; the file is damaged.");
        var x = new float[rows * width];
        var targets = new float[rows];
        Buffer.BlockCopy(bytes, 0, x, 0, x.Length * sizeof(float));
        Buffer.BlockCopy(bytes, x.Length * sizeof(float), targets, 0, rows * sizeof(float));
        return new NeighborsModel(new Lazy<float[]>(x), width, targets, Enum.Parse<TaskKind>((string)json["task"]!, ignoreCase: true),
            [.. json["features"]!.AsArray().Select(f => (string)f!)], json["classes"]?.AsArray().Select(c => (string)c!).ToArray(),
            new NeighborsOptions { K = (int)json["k"]!, Weights = (string)json["weights"]! });
    }
}
