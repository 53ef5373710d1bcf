using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.IO;

namespace Lathe.Models.Clustering;

/// <summary>
/// A fitted DBSCAN: its core points and their clusters (saved as raw float32 points then int32 clusters in
/// dbscan_core.bin). scikit-learn has no predict for DBSCAN; here a new row joins the cluster of the nearest
/// core point within eps, else it is noise (−1). Its score is the distance to the nearest core point (within
/// eps or not), a measure of how far it is from any cluster. On the training rows this gives the fitted
/// clusters, except that a border point within eps of two clusters joins the nearer one.
/// </summary>
public sealed class DbscanModel : IModel
{
    public const string DataFile = "dbscan_core.bin";

    private readonly IReadOnlyList<string> _features;
    private readonly int _width;
    private readonly float[] _corePoints;
    private readonly int[] _coreClusters;
    private readonly SortedRows _search;

    public DbscanModel(IReadOnlyList<string> features, int width, DbscanOptions options, float[] corePoints, int[] coreClusters, int clusterCount)
    {
        if (corePoints.Length != (long)coreClusters.Length * width)
            throw new ArgumentException($"{corePoints.Length} core point values do not make {coreClusters.Length} points of {width}.");
        (_features, _width, Options, _corePoints, _coreClusters, ClusterCount) = (features, width, options, corePoints, coreClusters, clusterCount);
        _search = new SortedRows(corePoints, width);
    }

    public string Type => Dbscan.TypeName;

    public TaskKind Task => TaskKind.Clustering;

    public DbscanOptions Options { get; }

    public int ClusterCount { get; }

    public int CorePointCount => _coreClusters.Length;

    /// <summary>Each training row's cluster (−1: noise) as the fit found it; null for a loaded model.</summary>
    public int[]? TrainingClusters { get; init; }

    public Prediction Predict(Table table)
    {
        var x = ClusteringInput.MatrixOf(table, _features, _width);
        var rows = table.RowCount;
        var clusters = new int[rows];
        var distances = new float[rows];
        Parallel.For(0, rows, r =>
        {
            var row = new ReadOnlySpan<float>(x, r * _width, _width);
            var (nearest, distance) = _search.NearestWithin(row, Options.Eps);
            clusters[r] = nearest < 0 ? -1 : _coreClusters[nearest];
            distances[r] = nearest < 0 ? _search.NearestDistance(row) : distance;
        });
        return Prediction.Clustering(clusters, ClusterCount, CorePointCount == 0 ? null : distances);
    }

    public JsonObject Save(string directory)
    {
        var bytes = new byte[(_corePoints.Length + _coreClusters.Length) * sizeof(float)];
        Buffer.BlockCopy(_corePoints, 0, bytes, 0, _corePoints.Length * sizeof(float));
        Buffer.BlockCopy(_coreClusters, 0, bytes, _corePoints.Length * sizeof(float), _coreClusters.Length * sizeof(int));
        AtomicFile.WriteAllBytes(Path.Combine(directory, DataFile), bytes);
        return new JsonObject
        {
            ["type"] = Type,
            ["features"] = new JsonArray([.. _features.Select(f => JsonValue.Create(f))]),
            ["width"] = _width,
            ["eps"] = Options.Eps,
            ["min_samples"] = Options.MinSamples,
            ["clusters"] = ClusterCount,
            ["core_points"] = CorePointCount,
            ["data"] = DataFile,
        };
    }

    public static DbscanModel Load(JsonObject json, string directory)
    {
        var width = (int)json["width"]!;
        var count = (int)json["core_points"]!;
        var path = Path.Combine(directory, (string)json["data"]!);
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : throw LatheException.BadData($"{path}: the model's data file is missing.");
        var expected = (long)count * (width + 1) * sizeof(float);
        if (bytes.Length != expected)
            throw LatheException.BadData($"{path}: expected {expected} bytes, found {bytes.Length}; the file is damaged.");
        var points = new float[count * width];
        var clusters = new int[count];
        Buffer.BlockCopy(bytes, 0, points, 0, points.Length * sizeof(float));
        Buffer.BlockCopy(bytes, points.Length * sizeof(float), clusters, 0, count * sizeof(int));
        var clusterCount = (int)json["clusters"]!;
        if (clusters.Any(c => c < 0 || c >= clusterCount))
            throw LatheException.BadData($"{path}: a core point's cluster is outside 0..{clusterCount - 1}; the file is damaged.");
        return new DbscanModel([.. json["features"]!.AsArray().Select(f => (string)f!)], width,
            new DbscanOptions { Eps = (double)json["eps"]!, MinSamples = (int)json["min_samples"]! }, points, clusters, clusterCount);
    }
}
