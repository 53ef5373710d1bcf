using System.Text.Json.Nodes;

namespace Lathe.Torch.Transfer;

/// <summary>What loading pretrained weights into a network did, name by name.</summary>
public sealed record TransferReport(
    IReadOnlyList<string> Loaded,
    IReadOnlyList<(string Name, long[] FileShape, long[] NetShape)> ShapeMismatches,
    IReadOnlyList<string> MissingFromFile,
    IReadOnlyList<string> UnusedInFile,
    IReadOnlyList<string> Skipped)
{
    /// <summary>One line per category, for the run log.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"pretrained: loaded {Loaded.Count} tensors";
        if (ShapeMismatches.Count > 0)
            yield return "pretrained: kept fresh (shape differs, e.g. a new head): " +
                         string.Join(", ", ShapeMismatches.Select(m => $"{m.Name} [{string.Join("×", m.FileShape)}] → [{string.Join("×", m.NetShape)}]"));
        if (Skipped.Count > 0) yield return $"pretrained: kept fresh (finetune.skip): {string.Join(", ", Skipped)}";
        if (MissingFromFile.Count > 0) yield return $"pretrained: kept fresh (not in the file): {string.Join(", ", MissingFromFile)}";
        if (UnusedInFile.Count > 0) yield return $"pretrained: not used (no such parameter in this network): {string.Join(", ", UnusedInFile)}";
    }

    public JsonObject ToJson() => new()
    {
        ["loaded"] = new JsonArray([.. Loaded.Select(n => JsonValue.Create(n))]),
        ["shape_mismatches"] = new JsonArray([.. ShapeMismatches.Select(m => (JsonNode)new JsonObject
        {
            ["name"] = m.Name,
            ["file_shape"] = new JsonArray([.. m.FileShape.Select(d => JsonValue.Create(d))]),
            ["net_shape"] = new JsonArray([.. m.NetShape.Select(d => JsonValue.Create(d))]),
        })]),
        ["missing_from_file"] = new JsonArray([.. MissingFromFile.Select(n => JsonValue.Create(n))]),
        ["unused_in_file"] = new JsonArray([.. UnusedInFile.Select(n => JsonValue.Create(n))]),
        ["skipped"] = new JsonArray([.. Skipped.Select(n => JsonValue.Create(n))]),
    };
}
