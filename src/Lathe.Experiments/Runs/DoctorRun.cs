using System.Text.Json;
using System.Text.Json.Nodes;
using Lathe.Diagnosis;
using Lathe.Experiments.Config;
using Lathe.IO;
using Lathe.Training;

namespace Lathe.Experiments.Runs;

/// <summary>
/// `lathe doctor RUN`: reads a finished run folder (history.json, config.yaml, model/model.json), asks the
/// <see cref="TrainingDoctor"/> what went wrong, and writes the findings to doctor.json in the folder. With
/// <see cref="MeasureData"/> first (`--data-sufficiency`), it also judges whether more data would help, from a
/// learning curve over training-set size kept in the run folder (size_curve.json).
/// </summary>
public static class DoctorRun
{
    public const string FileName = "doctor.json";
    public const string SizeCurveFile = "size_curve.json";

    /// <summary>Fits the run's config on shares of its training rows and keeps the curve in the run folder.</summary>
    public static LearningCurveResult MeasureData(string runFolder, IReadOnlyList<double> shares, int repeats, RunOptions options)
    {
        var folder = Path.GetFullPath(runFolder);
        var config = LoadConfig(folder);
        var curve = LearningCurveRun.Measure(config, folder, shares, repeats, options);
        return LearningCurveRun.Write(curve, folder, SizeCurveFile, $"{config.Name}: {curve.Metric} by training rows");
    }

    /// <summary>The findings without writing anything: from the history, and from size_curve.json when the folder has one.</summary>
    public static IReadOnlyList<Finding> Diagnose(string runFolder)
    {
        var folder = Path.GetFullPath(runFolder);
        var historyFile = Path.Combine(folder, "history.json");
        if (!File.Exists(historyFile))
            throw LatheException.BadConfig($"{runFolder}: no history.json here; give the folder of a finished `lathe train` run.");
        var history = ReadHistory(historyFile);
        var config = LoadConfig(folder);
        var modelJson = Path.Combine(folder, "model", Models.ModelFolder.FileName);
        var pipeline = File.Exists(modelJson) ? JsonNode.Parse(File.ReadAllText(modelJson))?["pipeline"] : null;
        var classes = (pipeline?["model"]?["classes"] as JsonArray)?.Count;
        var metrics = File.Exists(Path.Combine(folder, "metrics.json")) ? JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json"))) : null;
        var network = !ClassicalModels.Handles(config.Model.Type);
        var facts = new RunFacts(config.Model.Type, classes, network ? config.Train.Optimizer.Lr : null, (string?)metrics?["stop_reason"]);
        var findings = TrainingDoctor.Diagnose(history, facts).ToList();
        if (SizeCurveOf(folder) is { Sufficiency: { } estimate } curve) findings.Add(TrainingDoctor.JudgeData(estimate, curve.Metric, facts));
        return findings;
    }

    public static IReadOnlyList<Finding> Execute(string runFolder)
    {
        var findings = Diagnose(runFolder);
        AtomicFile.WriteAllText(Path.Combine(Path.GetFullPath(runFolder), FileName), ToJson(findings).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return findings;
    }

    /// <summary>The learning curve over training-set size measured for this run, if any.</summary>
    public static LearningCurveResult? SizeCurveOf(string runFolder)
    {
        var file = Path.Combine(runFolder, SizeCurveFile);
        return File.Exists(file) ? LearningCurveResult.FromJson(JsonNode.Parse(File.ReadAllText(file))!, runFolder) : null;
    }

    private static LatheConfig LoadConfig(string folder)
    {
        var file = Path.Combine(folder, "config.yaml");
        if (!File.Exists(file))
            throw LatheException.BadConfig($"{folder}: no config.yaml here; give the folder of a finished `lathe train` run.");
        return ConfigLoader.Load(file, []);
    }

    /// <summary>history.json rows ({"epoch": n, metric: value or null, ...}) as step reports; null (non-finite) becomes NaN.</summary>
    internal static List<StepReport> ReadHistory(string path)
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

    internal static JsonObject ToJson(IReadOnlyList<Finding> findings) => new()
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
