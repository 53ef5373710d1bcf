using System.Text.Json;
using System.Text.Json.Nodes;
using Lathe.IO;

namespace Lathe.Models;

/// <summary>
/// A saved model is a folder: model.json (format, versions, input schema, fitted preparation, model
/// description, metrics) beside the model's weight files. Loading reads data only; it never runs code.
/// </summary>
public static class ModelFolder
{
    public const string FileName = "model.json";
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the model into <paramref name="directory"/>; model.json is written last, so a folder with one is complete.</summary>
    public static void Save(PipelineModel model, string directory, JsonObject? metrics = null)
    {
        Directory.CreateDirectory(directory);
        var json = new JsonObject
        {
            ["format"] = "lathe-model",
            ["format_version"] = FormatVersion,
            ["lathe_version"] = typeof(ModelFolder).Assembly.GetName().Version?.ToString(3),
            ["pipeline"] = model.Save(directory),
        };
        if (metrics is not null) json["metrics"] = metrics;
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), json.ToJsonString(Indented));
    }

    public static PipelineModel Load(string directory, ModelCatalog catalog)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw LatheException.BadData($"{directory}: no {FileName} here; give the run folder or its model/ folder of a finished `lathe train`.");
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new JsonException("empty document");
        }
        catch (JsonException e)
        {
            throw LatheException.BadData($"{path}: not valid JSON ({e.Message}). The model file is damaged.");
        }
        if ((string?)json["format"] != "lathe-model")
            throw LatheException.BadData($"{path}: not a Lathe model file.");
        var version = (int?)json["format_version"] ?? 0;
        if (version > FormatVersion)
            throw LatheException.BadData($"{path}: model format {version} is newer than this Lathe understands ({FormatVersion}); upgrade Lathe.");
        return PipelineModel.Load(json["pipeline"]!.AsObject(), directory, catalog);
    }
}
