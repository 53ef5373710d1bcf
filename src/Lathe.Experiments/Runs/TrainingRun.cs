using System.Text.Json;
using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Experiments.Config;
using Lathe.Experiments.Data;
using Lathe.Experiments.Plots;
using Lathe.Experiments.Tracking;
using Lathe.IO;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Models.Trees;
using Lathe.Torch.Models;
using Lathe.Training;

namespace Lathe.Experiments.Runs;

/// <summary>
/// `lathe train`: reads the config, loads and splits the data, fits the pipeline with its callbacks,
/// scores it on the validation and test parts, and writes the run folder.
/// </summary>
public static class TrainingRun
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // Reasons quote values ('inf'): keep quotes readable instead of \u0027.
    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static RunResult Execute(string configPath, IReadOnlyList<string> overrides, RunOptions options)
    {
        var config = ConfigLoader.Load(configPath, overrides);
        foreach (var warning in UnusedModelKeys.Warnings(config.Model)) options.Log?.Invoke(warning);
        return Execute(config, Path.GetDirectoryName(Path.GetFullPath(configPath))!, options);
    }

    public static RunResult Execute(LatheConfig config, string configDirectory, RunOptions options)
    {
        var log = options.Log ?? (_ => { });
        var data = DatasetLoader.Load(config, configDirectory);
        log($"data: {data.Describe()}; task {data.Task.ToString().ToLowerInvariant()}" +
            (data.Task == TaskKind.Classification ? $" ({((CategoricalColumn)data.Train[data.Target]).Categories.Count} classes)" : ""));
        if (options.FitOnValidation && data.Validation is not null)
        {
            data = data with { Train = TableRows.Append(data.Train, data.Validation), Validation = null, TrainRowIds = null };
            log($"fitting on train + validation: {data.Train.RowCount} rows");
        }
        data = TrainingBalance.Apply(config, data, log);

        var pipeline = ModelFactory.Create(config, data.Task, configDirectory);
        var folder = options.ResumeRun is { } resume
            ? RunFolder.OpenForResume(resume)
            : options.Folder is { } exact ? RunFolder.CreateExact(exact)
            : RunFolder.Create(options.RunsDirectory, config.Name, DateTime.Now);
        var configYaml = ConfigLoader.ToYaml(ConfigPaths.Absolute(config, configDirectory));
        AtomicFile.WriteAllText(folder.ConfigFile, configYaml);
        // From here the run has a folder, so it is recorded in the run store, failed or not.
        using var recorder = TrainingTracking.Start(config, configYaml, folder.Path, options, log);
        try
        {
            var result = FitAndWrite(config, configDirectory, data, pipeline, folder, recorder is null ? options : options with { Callbacks = [.. options.Callbacks, recorder] }, log);
            TrainingTracking.Finish(recorder, result);
            return result;
        }
        catch (Exception e)
        {
            TrainingTracking.Fail(recorder, e, folder.Path);
            throw;
        }
    }

    /// <summary>split.json: how the rows were split, and the size and SHA-256 of each data file they came from.</summary>
    internal static void WriteSplit(SplitRecord split, string configDirectory, string folder)
    {
        var json = split.ToJson();
        json["files"] = DataFileFingerprint.Of(split.Parts.Select(p => p.File), configDirectory);
        AtomicFile.WriteAllText(Path.Combine(folder, "split.json"), json.ToJsonString(Indented));
    }

    private static RunResult FitAndWrite(LatheConfig config, string configDirectory, PreparedData data, Pipeline pipeline, RunFolder folder, RunOptions options, Action<string> log)
    {
        if (data.Split is not null) WriteSplit(data.Split, configDirectory, folder.Path);
        log(ClassicalModels.Handles(config.Model.Type)
            ? $"model: {Describe(config.Model)}"
            : $"model: {Describe(config.Model)}, {config.Train.Optimizer.Type} lr {config.Train.Optimizer.Lr}, {config.Train.Epochs} epochs, batch {config.Train.BatchSize}");

        var history = new History();
        List<ICallback> callbacks = [history, .. EarlyStoppingOf(config), .. options.Callbacks];
        var checkpoints = new CheckpointSettings
        {
            Directory = folder.CheckpointDirectory,
            EveryEpochs = config.Train.Checkpoint.EveryEpochs,
            Monitor = config.Train.Checkpoint.Monitor,
            ResumeFrom = options.ResumeRun is null ? null : Path.Combine(folder.CheckpointDirectory, "last"),
        };
        var context = new FitContext(config.Seed, callbacks, options.Cancellation, log, checkpoints);

        var selfTraining = SelfTrainingStep.Fit(config, data, pipeline, context, log);
        var model = (PipelineModel)(selfTraining?.Model ?? pipeline.Fit(data.ToTrainingData(), context));
        if (context.StopReason is not null) log($"stopped: {context.StopReason}");
        foreach (var line in TextConfigRules.Describe(model)) log(line);
        WriteCleaningReport(config, data, model.Transforms, folder.Path, log);

        // The part the pictures show (test, else validation) is predicted once, for its scores and its pictures.
        var pictured = data.Test ?? data.Validation;
        var picturedPrediction = pictured is not null && model.Task is (TaskKind.Classification or TaskKind.Regression) && model.Model is not GptModel
            ? model.Predict(pictured)
            : null;
        Prediction? PredictionOf(Table part) => ReferenceEquals(part, pictured) ? picturedPrediction : null;
        var validation = data.Validation is null ? null : Score(model, data.Validation, data.Target, PredictionOf(data.Validation));
        var test = data.Test is null ? null : Score(model, data.Test, data.Target, PredictionOf(data.Test));

        AtomicFile.WriteAllText(folder.HistoryFile, history.ToCsv());
        AtomicFile.WriteAllText(folder.HistoryJsonFile, history.ToJson());
        LearningCurvePlot.Save(history, folder.LearningCurveFile, $"{config.Name}: loss per epoch");
        MetricCurvePlot.Save(history, Path.Combine(folder.Path, MetricCurvePlot.FileName), $"{config.Name}: scores per epoch");
        var metrics = new JsonObject
        {
            ["task"] = data.Task.ToString().ToLowerInvariant(),
            ["epochs"] = context.LastStep,
            ["stop_reason"] = context.StopReason,
            ["validation"] = ToJson(validation),
            ["test"] = ToJson(test),
        };
        if (selfTraining is not null) SelfTrainingStep.Record(selfTraining, folder.Path, metrics);
        foreach (var (key, value) in options.Annotations) metrics[key] = value.DeepClone();
        AtomicFile.WriteAllText(folder.MetricsFile, metrics.ToJsonString(Indented));
        AtomicFile.WriteAllText(Path.Combine(folder.Path, RunEnvironment.FileName),
            RunEnvironment.Describe(config, !ClassicalModels.Handles(config.Model.Type)).ToJsonString(Indented));
        ModelFolder.Save(model, folder.ModelDirectory, (JsonObject)metrics.DeepClone());
        if (model.Model is DecisionTreeModel tree) AtomicFile.WriteAllText(Path.Combine(folder.Path, "tree_rules.txt"), tree.Rules);
        if (picturedPrediction is not null) SavePictures(picturedPrediction, pictured!, data.Target, folder.Path, data.Test is null ? "validation" : "test");
        return new RunResult(folder.Path, data.Task, context.LastStep, context.StopReason, validation, test);
    }

    /// <summary>Writes cleaning_report.json (not for plain text, which is not cleaned) and logs its summary when cleaning did anything.</summary>
    internal static void WriteCleaningReport(LatheConfig config, PreparedData data, IReadOnlyList<Prep.IFittedTransform>? fitted, string folder, Action<string> log)
    {
        if (data.Cleaning.Count == 0) return;
        var report = new CleaningReport(config.Data.Clean.ToOptions(), data, fitted);
        AtomicFile.WriteAllText(Path.Combine(folder, "cleaning_report.json"), report.ToJson().ToJsonString(Readable));
        if (report.Summary() is { } summary) log(summary);
    }

    /// <summary>The standard scores; a language model is scored by the perplexity of the part's text.</summary>
    /// <param name="prediction">The part's prediction when the caller already has it (classification and regression).</param>
    internal static IReadOnlyDictionary<string, double> Score(PipelineModel model, Table part, string target, Prediction? prediction = null) =>
        model.Model switch
        {
            GptModel gpt => new Dictionary<string, double> { ["perplexity"] = gpt.Perplexity(GptEstimator.TextOf(part, target)) },
            { Task: TaskKind.Reconstruction } => Scoring.Reconstruction(model.Predict(part)),
            { Task: TaskKind.Clustering } => ScoreClusters(model, part, target),
            _ => Scoring.Score(prediction ?? model.Predict(part), part[target]),
        };

    /// <summary>The early-stopping callback the config asks for, if any.</summary>
    internal static IEnumerable<ICallback> EarlyStoppingOf(LatheConfig config) =>
        config.Train.EarlyStopping is { } early ? [new EarlyStopping(early.Monitor, early.Patience, early.MinDelta, early.RestoreBest)] : [];

    /// <summary>Confusion matrix, ROC, precision–recall and calibration curves for a classifier; residuals for a regressor.</summary>
    internal static void SavePictures(Prediction prediction, Table part, string target, string folder, string name)
    {
        if (prediction.Task == TaskKind.Regression)
        {
            ResidualPlot.Save(((NumericColumn)part[target]).Values, prediction.Values, Path.Combine(folder, "residuals.png"), name);
            return;
        }
        var truth = ((CategoricalColumn)part[target]).CodesIn(prediction.Classes!);
        if (truth.Any(t => t < 0)) return; // a class the model never saw: the scores already said so
        ClassificationPlots.Save(truth, prediction.ClassIndices!, prediction.Probabilities!, prediction.Classes!, folder, name);
    }

    /// <summary>Silhouette in the prepared (scaled) feature space; ARI and NMI when the config named a label column.</summary>
    internal static IReadOnlyDictionary<string, double> ScoreClusters(PipelineModel model, Table part, string target)
    {
        var prepared = model.Prepare(part);
        var x = FeatureMatrix.Build(prepared, [.. prepared.ColumnNames], out var width);
        return Scoring.Clustering(model.Model.Predict(prepared), x, width, target == "" ? null : part[target]);
    }

    internal static string Describe(ModelConfig model) => model.Type switch
    {
        "cnn" => $"cnn channels [{string.Join(", ", model.Channels)}] hidden [{string.Join(", ", model.Hidden ?? [128])}]",
        _ when ClassicalModels.Handles(model.Type) => ClassicalModels.Describe(model),
        "autoencoder" => $"autoencoder encoder [{string.Join(", ", model.Hidden ?? [32, 8])}] (code size {(model.Hidden ?? [32, 8])[^1]})",
        "resnet" => $"resnet widths [{string.Join(", ", model.Channels)}], {model.Blocks} blocks per stage",
        "gpt" => $"gpt context {model.Context}, {model.Layers ?? 4} layers, {model.Heads ?? 4} heads, dim {model.Dim ?? 128}",
        // Only what each encoder reads (ModelKeyUse): cnn1d is one convolution, the transformer has heads instead of units.
        "lstm" or "gru" => $"{model.Type} text encoder, dim {model.Dim ?? 64}, units {model.Units}, {model.Layers ?? 1} layer(s), max length {model.MaxLength} {model.Tokens}",
        "cnn1d" => $"cnn1d text encoder, dim {model.Dim ?? 64}, units {model.Units}, max length {model.MaxLength} {model.Tokens}",
        "transformer" => $"transformer text encoder, dim {model.Dim ?? 64}, {model.Heads ?? 4} heads, {model.Layers ?? 1} layer(s), max length {model.MaxLength} {model.Tokens}",
        _ => $"mlp hidden [{string.Join(", ", model.Hidden ?? [64, 32])}]",
    };

    private static JsonObject? ToJson(IReadOnlyDictionary<string, double>? metrics) =>
        metrics is null ? null : new JsonObject(metrics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Math.Round(kv.Value, 6))));
}
