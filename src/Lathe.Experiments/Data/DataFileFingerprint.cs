using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Lathe.Experiments.Data;

/// <summary>
/// The size and SHA-256 of each data file a run learned from, kept in split.json ("files"), so that later readers of
/// the run (`lathe report`) can tell when a file changed or is gone since training: the split's row fingerprints
/// alone would not notice a value edited in place.
/// </summary>
public static class DataFileFingerprint
{
    /// <summary>{ full path: { bytes, sha256 } } for each distinct file (paths relative to <paramref name="directory"/>).</summary>
    public static JsonObject Of(IEnumerable<string> files, string directory)
    {
        var json = new JsonObject();
        foreach (var path in files.Select(f => Path.GetFullPath(Path.Combine(directory, f))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            if (File.Exists(path)) json[path] = new JsonObject { ["bytes"] = new FileInfo(path).Length, ["sha256"] = Sha256(path) };
        return json;
    }

    /// <summary>What changed among the recorded files: "X changed since training", "X is gone"; empty when nothing did.</summary>
    public static IReadOnlyList<string> Changes(JsonObject recorded)
    {
        var changes = new List<string>();
        foreach (var (path, node) in recorded)
        {
            if (!File.Exists(path)) changes.Add($"{path} is gone");
            else if (new FileInfo(path).Length != (long?)node?["bytes"] || Sha256(path) != (string?)node?["sha256"]) changes.Add($"{path} changed since training");
        }
        return changes;
    }

    private static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
