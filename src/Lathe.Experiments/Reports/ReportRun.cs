using System.Text.Json;
using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Experiments.Config;
using Lathe.Experiments.Data;
using Lathe.Experiments.Plots;
using Lathe.Experiments.Runs;
using Lathe.Inspection;
using Lathe.IO;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Training;

namespace Lathe.Experiments.Reports;

/// <summary>
/// `lathe report RUN`: gathers a finished run's config, data summary, curves, pictures, importances, the doctor's
/// findings and the environment, and writes report.json and a self-contained report.html into the run folder.
/// What needs the data (its summary, permutation importances, missing pictures) is redrawn from the data files the
/// run's config names; when they are gone the report says so and shows the rest.
/// </summary>
public static class ReportRun
{
    public const string HtmlFile = "report.html";
    public const string JsonFile = "report.json";
    private const string PermutationPicture = "permutation_importance.png";
    private const string ModelImportancePicture = "model_importance.png";

    public sealed record Result(string Html, string Json, ReportContent Content);

    public static Result Execute(string runFolder, Action<string>? log = null)
    {
        log ??= _ => { };
        var folder = Path.GetFullPath(runFolder);
        var metricsFile = Path.Combine(folder, "metrics.json");
        if (!File.Exists(metricsFile))
            throw LatheException.BadConfig(Directory.Exists(folder)
                ? $"{runFolder}: no metrics.json here; give the folder of a finished `lathe train` run."
                : $"{runFolder}: no such run folder. `lathe train` prints the folder on its last line (run: ...).");
        var configFile = Path.Combine(folder, "config.yaml");
        var config = ConfigLoader.Load(configFile, []);
        var metrics = JsonNode.Parse(File.ReadAllText(metricsFile))!.AsObject();
        var model = ModelFolder.Load(RunFolder.ModelDirectoryOf(folder), ModelFactory.Catalog);
        var notes = new List<string>();
        var historyFile = Path.Combine(folder, "history.json");
        var history = File.Exists(historyFile) ? History.Of(DoctorRun.ReadHistory(historyFile)) : null;
        if (history is not null && !File.Exists(Path.Combine(folder, MetricCurvePlot.FileName)))
            MetricCurvePlot.Save(history, Path.Combine(folder, MetricCurvePlot.FileName), $"{config.Name}: scores per epoch");

        var content = new ReportContent
        {
            Name = config.Name,
            Folder = folder,
            Finished = File.GetLastWriteTime(metricsFile),
            Task = (string?)metrics["task"] ?? model.Task.ToString().ToLowerInvariant(),
            Model = TrainingRun.Describe(config.Model),
            ConfigYaml = File.ReadAllText(configFile),
            Metrics = metrics,
            Pictures = [],
            Findings = DoctorRun.Diagnose(folder),
            Notes = notes,
            History = history is null ? null : JsonNode.Parse(history.ToJson()),
            Cleaning = ReadJson(folder, "cleaning_report.json"),
            Split = ReadJson(folder, "split.json"),
            SizeCurve = DoctorRun.SizeCurveOf(folder),
            Environment = ReadJson(folder, RunEnvironment.FileName)?.AsObject(),
            NativeImportances = (model.Model as IHasFeatureImportances)?.FeatureImportances,
        };
        if (content.Environment is null)
            notes.Add($"This run has no {RunEnvironment.FileName} (it was trained by an older Lathe): the machine it ran on is not known.");
        if (content.SizeCurve is null)
            notes.Add("Data sufficiency was not measured: `lathe doctor RUN --data-sufficiency` fits the model on shares of its training rows to judge it.");
        if (content.NativeImportances is { Count: > 0 } native)
            ImportancePlot.Save([.. native.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value, 0.0))],
                Path.Combine(folder, ModelImportancePicture), $"{config.Name}: the model's own importances", "share of the model's importance");

        content = WithData(content, config, model, folder, log);
        content = content with { Pictures = PicturesIn(folder, content) };
        var json = Path.Combine(folder, JsonFile);
        AtomicFile.WriteAllText(json, content.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var html = Path.Combine(folder, HtmlFile);
        AtomicFile.WriteAllText(html, ReportHtml.Render(content));
        return new Result(html, json, content);
    }

    /// <summary>The data summary, the confusion matrix, permutation importances and missing pictures, when the data can still be read.</summary>
    private static ReportContent WithData(ReportContent content, LatheConfig config, PipelineModel model, string folder, Action<string> log)
    {
        PreparedData data;
        try
        {
            data = DatasetLoader.Load(config, folder);
        }
        catch (LatheException e)
        {
            return content with
            {
                Notes = [.. content.Notes, $"The data could not be read again ({e.Message}): the data summary and permutation importances are left out."],
            };
        }
        if (content.Split?["files"] is JsonObject files && DataFileFingerprint.Changes(files) is { Count: > 0 } changes)
            content = content with
            {
                Notes = [.. content.Notes, $"The data is not what the run learned from ({string.Join("; ", changes)}): the data summary, " +
                                           "pictures and importances below describe the files as they are now, not as trained."],
            };
        var classification = data.Task == TaskKind.Classification;
        var parts = new[] { ("train", data.Train), ("validation", data.Validation), ("test", data.Test) }
            .Where(p => p.Item2 is not null)
            .Select(p => new PartSummary(p.Item1, p.Item2!.RowCount, classification ? ClassCounts(p.Item2[data.Target]) : null))
            .ToList();
        content = content with
        {
            Parts = parts,
            Columns = [.. data.Train.Columns.Where(c => c.Name != data.Target).Select(ColumnSummary.Of)],
        };

        var (pictured, partName) = data.Test is not null ? (data.Test, "test") : (data.Validation, "validation");
        if (pictured is null || model.Task is not (TaskKind.Classification or TaskKind.Regression) || model.Model is Lathe.Torch.Models.GptModel)
            return content;
        var prediction = model.Predict(pictured);
        string[] pictures = prediction.Task == TaskKind.Regression ? ["residuals.png"] : ["confusion_matrix.png", "roc_curve.png", "pr_curve.png", "calibration.png"];
        if (pictures.Any(p => !File.Exists(Path.Combine(folder, p)))) TrainingRun.SavePictures(prediction, pictured, data.Target, folder, partName);
        if (classification)
        {
            var truth = ((CategoricalColumn)pictured[data.Target]).CodesIn(prediction.Classes!);
            if (truth.All(t => t >= 0))
                content = content with
                {
                    Confusion = new ConfusionCounts(partName, prediction.Classes!,
                        ClassificationMetrics.ConfusionMatrix(truth, prediction.ClassIndices!, prediction.Classes!.Count)),
                };
        }

        log($"permutation importance: {model.Schema.Columns.Count} column(s) × 5 shuffles on the {partName} part ({pictured.RowCount} rows)");
        var importance = PermutationImportance.Compute(model, pictured, data.Target, repeats: 5, seed: config.Seed);
        ImportancePlot.Save([.. importance.Columns.Select(c => (c.Column, c.Mean, c.Spread))], Path.Combine(folder, PermutationPicture),
            $"{config.Name}: permutation importance ({partName})", $"drop in {importance.Metric} when the column is shuffled");
        return content with { Permutation = importance, PermutationPart = partName };
    }

    private static List<(string, int)> ClassCounts(Column target)
    {
        var column = (CategoricalColumn)target;
        var counts = new int[column.Categories.Count];
        foreach (var code in column.Codes)
            if (code >= 0) counts[code]++;
        return [.. column.Categories.Select((c, i) => (c, counts[i]))];
    }

    /// <summary>The run folder's pictures in reading order, each with what it shows.</summary>
    private static List<ReportPicture> PicturesIn(string folder, ReportContent content)
    {
        var part = content.Confusion?.Part ?? content.PermutationPart ?? "test";
        (string File, string Caption)[] known =
        [
            ("learning_curve.png", "Training and validation loss per epoch (or boosting round)."),
            (MetricCurvePlot.FileName, "Scores recorded per epoch (or round)."),
            ("confusion_matrix.png", $"Confusion matrix on the {part} part: rows are true classes, columns predicted ones."),
            ("roc_curve.png", $"ROC curve on the {part} part (one-vs-rest for more than two classes)."),
            ("pr_curve.png", $"Precision–recall curve on the {part} part."),
            ("calibration.png", $"Calibration on the {part} part: predicted probability against the observed share."),
            ("residuals.png", $"Residuals on the {part} part: prediction errors against predicted values."),
            (PermutationPicture, $"Permutation importance on the {content.PermutationPart ?? part} part: how much the score drops when one input column is shuffled."),
            (ModelImportancePicture, "The model's own importances (impurity decrease or gain) over the prepared columns."),
            (Plots.SizeCurvePlot.FileName, "Learning curve over training-set size, from `lathe doctor --data-sufficiency`."),
        ];
        // A one-step model (a tree, k-NN) has a single point per loss: no curve worth a picture.
        var steps = content.History?.AsArray().Count ?? 0;
        return
        [
            .. known.Where(k => File.Exists(Path.Combine(folder, k.File)) && (k.File != "learning_curve.png" || steps > 1))
                .Select(k => new ReportPicture(k.File, k.Caption)),
        ];
    }

    private static JsonNode? ReadJson(string folder, string name)
    {
        var file = Path.Combine(folder, name);
        return File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) : null;
    }
}
