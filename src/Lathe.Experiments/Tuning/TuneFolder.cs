using System.Globalization;
using System.Text.Json.Nodes;
using Lathe.IO;

namespace Lathe.Experiments.Tuning;

/// <summary>runs/&lt;study&gt;-tune-&lt;stamp&gt;/: one per study, found again on resume through its tune.json.</summary>
internal static class TuneFolder
{
    public const string InfoFile = "tune.json";

    public static string FindOrCreate(string runsDirectory, string study, string storage)
    {
        Directory.CreateDirectory(runsDirectory);
        var existing = Directory.GetDirectories(runsDirectory, $"{study}-tune-*")
            .Where(d => File.Exists(Path.Combine(d, InfoFile)))
            .Where(d => JsonNode.Parse(File.ReadAllText(Path.Combine(d, InfoFile))) is JsonObject info
                        && (string?)info["study"] == study && (string?)info["storage"] == storage)
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
        if (existing is not null) return Path.GetFullPath(existing);
        var stem = Path.Combine(runsDirectory, $"{study}-tune-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        var path = stem;
        for (var n = 2; Directory.Exists(path); n++) path = $"{stem}-{n}";
        Directory.CreateDirectory(path);
        AtomicFile.WriteAllText(Path.Combine(path, InfoFile), new JsonObject { ["study"] = study, ["storage"] = storage }.ToJsonString());
        return Path.GetFullPath(path);
    }
}
