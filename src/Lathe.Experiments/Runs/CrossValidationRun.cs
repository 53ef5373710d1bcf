using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lathe.Experiments.Config;
using Lathe.Experiments.Data;
using Lathe.Experiments.Tracking;
using Lathe.IO;
using Lathe.Models;
using Lathe.Splits;
using Lathe.Tracking.Recording;
using Lathe.Tracking.Store;
using Lathe.Training;

namespace Lathe.Experiments.Runs;

/// <summary>
/// `lathe train CONFIG --cv K`: k-fold cross-validation of the config's pipeline. The rows that a normal run
/// trains and validates on are cut into K folds (stratified by class for classification); each fold is
/// held out once while a fresh pipeline learns from the rest, and is scored like a validation part. The
/// test part stays untouched. Writes runs/&lt;name&gt;-cv-&lt;time&gt;/ with config.yaml, cv.json and cv.csv.
/// </summary>
public static class CrossValidationRun
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static CrossValidationResult Execute(string configPath, IReadOnlyList<string> overrides, int folds, RunOptions options)
    {
        var config = ConfigLoader.Load(configPath, overrides);
        var configDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var log = options.Log ?? (_ => { });
        foreach (var warning in UnusedModelKeys.Warnings(config.Model)) log(warning);
        // The validation share joins the training rows: the folds take its place.
        config.Data.Split.Validation = 0;
        var data = DatasetLoader.Load(config, configDirectory);
        var rows = data.Train;
        var classTarget = data.Task == TaskKind.Classification ? data.Target : null;
        var splits = RowSplitting.Folds(rows, config.Data.Split, classTarget, folds, config.Seed);
        var method = RowSplitting.MethodOf(config.Data.Split, classTarget);
        log($"data: {rows.RowCount} rows in {folds} folds{(method is "stratified" or "group" ? $" ({method})" : "")}; " +
            $"task {data.Task.ToString().ToLowerInvariant()}{(data.Test is null ? "" : $"; the {data.Test.RowCount} test rows are not used")}");
        log($"model: {TrainingRun.Describe(config.Model)}");

        var folder = RunFolder.Create(options.RunsDirectory, config.Name + "-cv", DateTime.Now);
        var configYaml = ConfigLoader.ToYaml(ConfigPaths.Absolute(config, configDirectory));
        AtomicFile.WriteAllText(folder.ConfigFile, configYaml);
        // Recorded as one run: each fold's held-out scores as a step, their means as the validation scores.
        var tags = new Dictionary<string, string>(options.Tags) { ["cv.folds"] = splits.Count.ToString(CultureInfo.InvariantCulture) };
        using var recorder = TrainingTracking.Start(config, configYaml, folder.Path, options with { Tags = tags }, log, name: config.Name + "-cv");
        try
        {
            var result = RunFolds(config, data, splits, folder, configDirectory, method, options, log, recorder);
            recorder?.LogFinalMetrics("validation", result.Metrics.ToDictionary(m => m, result.Mean));
            recorder?.AddArtifactsOf(folder.Path);
            recorder?.Finish(RunStatus.Finished);
            return result;
        }
        catch (Exception e)
        {
            TrainingTracking.Fail(recorder, e, folder.Path);
            throw;
        }
    }

    private static CrossValidationResult RunFolds(LatheConfig config, PreparedData data, IReadOnlyList<DataSplit> splits, RunFolder folder,
        string configDirectory, string method, RunOptions options, Action<string> log, RunRecorder? recorder)
    {
        var rows = data.Train;
        TrainingRun.WriteSplit(FoldRecord(data, splits, method), configDirectory, folder.Path);
        TrainingRun.WriteCleaningReport(config, data, null, folder.Path, log);
        var scores = new List<IReadOnlyDictionary<string, double>>();
        for (var f = 0; f < splits.Count; f++)
        {
            List<ICallback> callbacks = [.. TrainingRun.EarlyStoppingOf(config), .. options.Callbacks];
            var context = new FitContext(config.Seed, callbacks, options.Cancellation, log);
            var (train, heldOut) = (splits[f].TrainOf(rows), splits[f].ValidationOf(rows)!);
            train = TrainingBalance.Apply(config, train, data.Target, data.Task, log); // the held-out fold stays real
            var pipeline = ModelFactory.Create(config, data.Task, configDirectory);
            var model = (PipelineModel)pipeline.Fit(new TrainingData(train, heldOut, data.Target, data.Task), context);
            scores.Add(TrainingRun.Score(model, heldOut, data.Target));
            recorder?.LogMetrics(f + 1, scores[^1]);
            log($"fold {f + 1}/{splits.Count}: {train.RowCount} training rows, {heldOut.RowCount} held out");
        }
        var result = new CrossValidationResult(folder.Path, scores);
        AtomicFile.WriteAllText(Path.Combine(folder.Path, "cv.json"), result.ToJson().ToJsonString(Indented));
        AtomicFile.WriteAllText(Path.Combine(folder.Path, "cv.csv"), result.ToCsv());
        return result;
    }

    /// <summary>The split the folds were cut from (train part = the folded rows), with each fold's two parts.</summary>
    private static SplitRecord FoldRecord(PreparedData data, IReadOnlyList<DataSplit> splits, string method)
    {
        var record = data.Split!;
        var file = record.Parts[0].File;
        var ids = data.TrainRowIds!;
        var classTarget = data.Task == TaskKind.Classification ? data.Target : null;
        return record with
        {
            Method = $"{method} k-fold",
            Folds = [.. splits.Select(s => (SplitPart.Of("train", file, data.Train, s.Train, ids, classTarget), SplitPart.Of("held_out", file, data.Train, s.Validation, ids, classTarget)))],
        };
    }
}

/// <summary>Scores of each held-out fold, with their mean and standard deviation (n − 1) per metric.</summary>
public sealed record CrossValidationResult(string Folder, IReadOnlyList<IReadOnlyDictionary<string, double>> Folds)
{
    /// <summary>Metrics every fold reported (a score undefined on one fold, such as roc_auc with a class missing, is left out).</summary>
    public IReadOnlyList<string> Metrics => [.. Folds[0].Keys.Where(k => Folds.All(f => f.ContainsKey(k)))];

    public double Mean(string metric) => Folds.Average(f => f[metric]);

    public double StandardDeviation(string metric)
    {
        if (Folds.Count < 2) return 0;
        var mean = Mean(metric);
        return Math.Sqrt(Folds.Sum(f => Math.Pow(f[metric] - mean, 2)) / (Folds.Count - 1));
    }

    public JsonObject ToJson() => new()
    {
        ["folds"] = new JsonArray([.. Folds.Select(f => (JsonNode)new JsonObject(f.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Math.Round(kv.Value, 6)))))]),
        ["mean"] = new JsonObject(Metrics.Select(m => KeyValuePair.Create(m, (JsonNode?)Math.Round(Mean(m), 6)))),
        ["std"] = new JsonObject(Metrics.Select(m => KeyValuePair.Create(m, (JsonNode?)Math.Round(StandardDeviation(m), 6)))),
    };

    /// <summary>One row per fold: fold,metric1,metric2,...</summary>
    public string ToCsv()
    {
        var text = new StringBuilder().AppendJoin(',', ["fold", .. Metrics]).Append('\n');
        for (var f = 0; f < Folds.Count; f++)
            text.AppendJoin(',', [(f + 1).ToString(CultureInfo.InvariantCulture), .. Metrics.Select(m => Folds[f][m].ToString("R", CultureInfo.InvariantCulture))]).Append('\n');
        return text.ToString();
    }
}
