using System.Text.Json.Nodes;
using Lathe.Experiments.Config;
using Lathe.Experiments.Runs;
using Lathe.Experiments.Tuning;
using Lathe.Training;

namespace Lathe.Experiments.Selection;

/// <summary>
/// Trains the winning trial's config again on the training and validation rows together and writes it as a
/// normal run folder, whose metrics.json says it is the auto-selected winner.
/// </summary>
internal static class WinnerRefit
{
    /// <param name="searchConfig">The search's config: the refit records where it asked (tracking).</param>
    public static RunResult Run(TuneResult search, LatheConfig searchConfig, string metric, int fitRows, string runsDirectory, Action<string> log,
        CancellationToken cancellation)
    {
        var best = search.Best!;
        var winner = ConfigLoader.Load(search.BestYaml!);
        winner.Tracking = searchConfig.Tracking;
        var trialFolder = Path.Combine(search.Folder, $"trial-{best.Number}");
        // With no validation rows nothing can stop the refit early: a network trains for the epochs that were best in its trial.
        if (winner.Train.EarlyStopping is { } early && !ClassicalModels.Handles(winner.Model.Type))
        {
            var epochs = early.RestoreBest ? BestEpoch(Path.Combine(trialFolder, "history.json"), early.Monitor) : null;
            epochs ??= JsonNode.Parse(File.ReadAllText(Path.Combine(trialFolder, "metrics.json")))?["epochs"]?.GetValue<int>();
            if (epochs is > 0) winner.Train.Epochs = epochs.Value;
            log($"refit: {winner.Train.Epochs} epochs (the best epoch of trial {best.Number}), without early stopping");
        }
        winner.Train.EarlyStopping = null;
        var selection = new JsonObject
        {
            ["auto"] = true,
            ["search"] = search.Folder,
            ["trial"] = best.Number,
            ["model_type"] = winner.Model.Type,
            ["metric"] = metric,
            ["validation_score"] = Math.Round(best.Value!.Value, 6),
            ["trials_complete"] = search.Trials.Count(t => t.State == Lathe.Tuning.Trials.TrialState.Complete),
            ["fit_rows"] = fitRows,
        };
        return TrainingRun.Execute(winner, Path.GetDirectoryName(search.BestYaml!)!, new RunOptions
        {
            RunsDirectory = runsDirectory, Log = log, Cancellation = cancellation, FitOnValidation = true,
            Annotations = new Dictionary<string, JsonNode> { ["selection"] = selection },
        });
    }

    /// <summary>The epoch with the best value of the monitored metric in a trial's history.json; null when it has none.</summary>
    private static int? BestEpoch(string historyJson, string monitor)
    {
        if (!File.Exists(historyJson) || JsonNode.Parse(File.ReadAllText(historyJson)) is not JsonArray rows) return null;
        var lower = EarlyStopping.IsLowerBetter(monitor);
        var scored = rows.OfType<JsonObject>()
            .Where(r => r["epoch"] is not null && r[monitor] is JsonValue)
            .Select(r => (Epoch: r["epoch"]!.GetValue<int>(), Value: r[monitor]!.GetValue<double>()))
            .ToList();
        if (scored.Count == 0) return null;
        return (lower ? scored.MinBy(s => s.Value) : scored.MaxBy(s => s.Value)).Epoch;
    }
}
