using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Models.Clustering;

/// <summary>
/// A fitted k-means: its centres. A row belongs to the nearest centre (Euclidean; the first on ties); the
/// prediction's scores are the distances to it. Saved as JSON (the centres as float32 lists).
/// </summary>
public sealed class KMeansModel : IModel
{
    private readonly IReadOnlyList<string> _features;
    private readonly float[] _centers;
    private readonly int _width;

    public KMeansModel(IReadOnlyList<string> features, int width, float[] centers, double inertia, int iterations)
    {
        if (width < 1 || centers.Length == 0 || centers.Length % width != 0)
            throw new ArgumentException($"{centers.Length} centre values do not make centres of {width}.");
        (_features, _width, _centers, Inertia, Iterations) = (features, width, centers, inertia, iterations);
    }

    public string Type => KMeans.TypeName;

    public TaskKind Task => TaskKind.Clustering;

    public int ClusterCount => _centers.Length / _width;

    /// <summary>The centres, in the units the model was fitted in (after the preparation).</summary>
    public IReadOnlyList<float[]> Centers => [.. Enumerable.Range(0, ClusterCount).Select(c => _centers.AsSpan(c * _width, _width).ToArray())];

    /// <summary>Sum of squared distances of the training rows to their centres.</summary>
    public double Inertia { get; }

    /// <summary>Lloyd iterations of the kept start.</summary>
    public int Iterations { get; }

    public Prediction Predict(Table table)
    {
        var x = ClusteringInput.MatrixOf(table, _features, _width);
        var rows = table.RowCount;
        var clusters = new int[rows];
        var distances = new float[rows];
        Parallel.For(0, rows, r =>
        {
            var row = new ReadOnlySpan<float>(x, r * _width, _width);
            var best = 0;
            var bestDistance = float.PositiveInfinity;
            for (var c = 0; c < ClusterCount; c++)
            {
                var d = SimdKernels.Distance(row, new ReadOnlySpan<float>(_centers, c * _width, _width));
                if (d < bestDistance) (best, bestDistance) = (c, d);
            }
            (clusters[r], distances[r]) = (best, bestDistance);
        });
        return Prediction.Clustering(clusters, ClusterCount, distances);
    }

    public JsonObject Save(string directory) => new()
    {
        ["type"] = Type,
        ["features"] = new JsonArray([.. _features.Select(f => JsonValue.Create(f))]),
        ["width"] = _width,
        ["centers"] = new JsonArray([.. Centers.Select(c => (JsonNode)new JsonArray([.. c.Select(v => JsonValue.Create(v))]))]),
        ["inertia"] = Inertia,
        ["iterations"] = Iterations,
    };

    public static KMeansModel Load(JsonObject json, string directory)
    {
        var width = (int)json["width"]!;
        var centers = json["centers"]!.AsArray().SelectMany(c => c!.AsArray().Select(v => (float)v!)).ToArray();
        return new KMeansModel([.. json["features"]!.AsArray().Select(f => (string)f!)], width, centers,
            (double)json["inertia"]!, (int)json["iterations"]!);
    }
}
