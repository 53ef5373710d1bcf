using System.Text.Json;
using System.Text.Json.Nodes;
using Lathe.Diagnosis;
using Lathe.Experiments.Config;
using Lathe.IO;
using Lathe.Training;

namespace Lathe.Experiments.Runs;

/// <summary>
/// `lathe doctor RUN`: reads a finished run folder (history.json, config.yaml, model/model.json), asks the
/// <see cref="TrainingDoctor"/> what went wrong, and writes the findings to doctor.json in the folder.
/// </summary>
public static class DoctorRun
{
    public const string FileName = "doctor.json";

    public static IReadOnlyList<Finding> Execute(string runFolder)
    {
        var folder = Path.GetFullPath(runFolder);
        var historyFile = Path.Combine(folder, "history.json");
        if (!File.Exists(historyFile))
            throw LatheException.BadConfig($"{runFolder}: no history.json here; give the folder of a finished `lathe train` run.");
        var history = ReadHistory(historyFile);
        var config = ConfigLoader.Load(Path.Combine(folder, "config.yaml"), []);
        var modelJson = Path.Combine(folder, "model", Models.ModelFolder.FileName);
        var pipeline = File.Exists(modelJson) ? JsonNode.Parse(File.ReadAllText(modelJson))?["pipeline"] : null;
        var classes = (pipeline?["model"]?["classes"] as JsonArray)?.Count;
        var metrics = File.Exists(Path.Combine(folder, "metrics.json")) ? JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json"))) : null;
        var network = !ClassicalModels.Handles(config.Model.Type);
        var facts = new RunFacts(config.Model.Type, classes, network ? config.Train.Optimizer.Lr : null, (string?)metrics?["stop_reason"]);
        var findings = TrainingDoctor.Diagnose(history, facts);
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), ToJson(findings).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return findings;
    }

    /// <summary>history.json rows ({"epoch": n, metric: value or null, ...}) as step reports; null (non-finite) becomes NaN.</summary>
    private static List<StepReport> ReadHistory(string path)
    {
        var rows = JsonNode.Parse(File.ReadAllText(path))?.AsArray()
            ?? throw LatheException.BadData($"{path}: not a JSON array of steps.");
        return
        [
            .. rows.Select(row =>
            {
                var fields = row!.AsObject();
                var step = (int)(fields["epoch"] ?? fields["step"] ?? throw LatheException.BadData($"{path}: a row has no epoch number."));
                var metrics = fields.Where(kv => kv.Key is not ("epoch" or "step")).ToDictionary(kv => kv.Key, kv => (double?)kv.Value ?? double.NaN);
                return new StepReport(step, rows.Count, metrics);
            }),
        ];
    }

    private static JsonObject ToJson(IReadOnlyList<Finding> findings) => new()
    {
        ["findings"] = new JsonArray([.. findings.Select(f => (JsonNode)new JsonObject
        {
            ["kind"] = f.Kind,
            ["title"] = f.Title,
            ["evidence"] = f.Evidence,
            ["remedies"] = new JsonArray([.. f.Remedies.Select(r => (JsonNode)new JsonObject { ["what"] = r.What, ["config"] = r.Config })]),
        })]),
    };
}
