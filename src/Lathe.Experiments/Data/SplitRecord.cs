using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Splits;

namespace Lathe.Experiments.Data;

/// <summary>One part of a split as split.json records it: its rows, their fingerprint and, for classification, its class counts.</summary>
/// <param name="RowIds">The part's rows as 0-based data-row numbers of <paramref name="File"/> (the header is not a row), before cleaning dropped any.</param>
public sealed record SplitPart(string Name, string File, int[] RowIds, IReadOnlyDictionary<string, int>? Classes)
{
    /// <summary>The part of <paramref name="table"/> (whose row i came from data row rowIds[i] of the file) holding <paramref name="rows"/>.</summary>
    public static SplitPart Of(string name, string file, Table table, IReadOnlyList<int> rows, int[] rowIds, string? classTarget) =>
        new(name, file, [.. rows.Select(r => rowIds[r])], classTarget is null ? null : ClassCounts((CategoricalColumn)table[classTarget], rows));

    private static SortedDictionary<string, int> ClassCounts(CategoricalColumn target, IReadOnlyList<int> rows)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var category in target.Categories) counts[category] = 0;
        foreach (var r in rows)
            if (!target.IsMissing(r)) counts[target.Format(r)]++;
        return counts;
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["file"] = File,
            ["rows"] = RowIds.Length,
            ["sha256"] = SplitFingerprint.Of(RowIds),
        };
        if (Classes is not null) json["classes"] = new JsonObject(Classes.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        return json;
    }
}

/// <summary>
/// How a run's rows were split (split.json): method, seed, the group or time column, and each part. Parts
/// that came from their own file are recorded whole; folds of cross-validation are listed in order.
/// </summary>
public sealed record SplitRecord(string Method, int Seed, string? Column, IReadOnlyList<SplitPart> Parts)
{
    /// <summary>Cross-validation folds: each fold's training and held-out parts.</summary>
    public IReadOnlyList<(SplitPart Train, SplitPart HeldOut)> Folds { get; init; } = [];

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["method"] = Method, ["seed"] = Seed };
        if (Column is not null) json[Method == "time" ? "time" : "group"] = Column;
        json["sha256_of"] = "the data-row numbers of each part in its file (0-based, header not counted, before cleaning), sorted, as little-endian int32";
        json["parts"] = new JsonObject(Parts.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.ToJson())));
        if (Folds.Count > 0)
            json["folds"] = new JsonArray([.. Folds.Select(f => (JsonNode)new JsonObject { ["train"] = f.Train.ToJson(), ["held_out"] = f.HeldOut.ToJson() })]);
        return json;
    }
}
