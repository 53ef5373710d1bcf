using System.Text.Json;
using System.Text.Json.Nodes;
using Lathe.Experiments.Config;
using Lathe.Experiments.Data;
using Lathe.IO;
using Lathe.Models;
using Lathe.SemiSupervised;
using Lathe.Training;

namespace Lathe.Experiments.Runs;

/// <summary>A training run's self-training (train.self_training): the rounds, and their record in the run folder and model.</summary>
internal static class SelfTrainingStep
{
    public const string FileName = "self_training.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Fits through self-training when the config asks for it; null when it does not.</summary>
    public static SelfTrainingResult? Fit(LatheConfig config, PreparedData data, Pipeline pipeline, FitContext context, Action<string> log)
    {
        if (config.Train.SelfTraining is not { } settings) return null;
        if (data.Task != TaskKind.Classification || data.Unlabeled is null)
            throw LatheException.BadConfig($"train.self_training needs a classification target; '{data.Target}' is a {data.Task.ToString().ToLowerInvariant()} target.");
        log($"self-training: {data.Unlabeled.RowCount} unlabeled rows, up to {settings.Rounds} rounds, min confidence {settings.MinConfidence}, max share {settings.MaxShare} per round");
        // Each round's fit stops early like the final one, but keeps no history or checkpoints.
        return SelfTraining.Fit(pipeline, data.ToTrainingData(), data.Unlabeled, SelfTrainingConfigRules.OptionsOf(settings), context, log,
            _ => new FitContext(config.Seed, TrainingRun.EarlyStoppingOf(config), context.Cancellation));
    }

    /// <summary>Writes self_training.json and adds a summary to the metrics (which model.json keeps too).</summary>
    public static void Record(SelfTrainingResult result, string runFolder, JsonObject metrics)
    {
        var json = result.ToJson();
        AtomicFile.WriteAllText(Path.Combine(runFolder, FileName), json.ToJsonString(Indented));
        metrics["self_training"] = new JsonObject
        {
            ["rounds"] = result.Rounds.Count,
            ["labelled_rows"] = result.LabelledRows,
            ["unlabeled_rows"] = result.UnlabeledRows,
            ["pseudo_labelled_rows"] = result.PseudoLabelledRows,
            ["added_per_round"] = new JsonArray([.. result.Rounds.Select(r => JsonValue.Create(r.Added))]),
        };
    }
}
