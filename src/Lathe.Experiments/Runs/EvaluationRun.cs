using System.Text.Json;
using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Experiments.Data;
using Lathe.IO;
using Lathe.Metrics;
using Lathe.Models;

namespace Lathe.Experiments.Runs;

/// <summary>
/// `lathe evaluate RUN --data FILE`: scores a saved model on new labelled rows with the same metrics a training
/// run reports and, when RUN is a run folder, writes them with the same pictures (confusion matrix, ROC,
/// precision–recall and calibration curves; residuals for a regressor) to RUN/evaluations/&lt;file&gt;-&lt;time&gt;/.
/// </summary>
public static class EvaluationRun
{
    public const string ScoresFile = "scores.json";

    /// <param name="Folder">The folder written (scores.json and pictures), or null for a bare model folder.</param>
    public sealed record Result(IReadOnlyDictionary<string, double> Scores, int Rows, string? Folder);

    public static Result Execute(string runOrModel, string dataPath)
    {
        var model = ModelFolder.Load(RunFolder.ModelDirectoryOf(runOrModel), ModelFactory.Catalog);
        var table = ModelInputReader.Read(dataPath, model);
        var (scores, labelled, prediction) = Score(model, table, dataPath);
        if (!File.Exists(Path.Combine(runOrModel, "metrics.json"))) return new Result(scores, table.RowCount, null);

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(dataPath)); // a file, or a folder of images
        var stem = Path.Combine(Path.GetFullPath(runOrModel), "evaluations", $"{Path.GetFileNameWithoutExtension(name)}-{DateTime.Now:yyyyMMdd-HHmmss}");
        var folder = stem;
        for (var n = 2; Directory.Exists(folder); n++) folder = $"{stem}-{n}";
        Directory.CreateDirectory(folder);
        var json = new JsonObject
        {
            ["data"] = Path.GetFullPath(dataPath),
            ["rows"] = table.RowCount,
            ["scores"] = new JsonObject(scores.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Math.Round(kv.Value, 6)))),
        };
        AtomicFile.WriteAllText(Path.Combine(folder, ScoresFile), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (prediction is not null) TrainingRun.SavePictures(prediction, labelled, model.Target, folder, name);
        return new Result(scores, table.RowCount, folder);
    }

    /// <summary>
    /// The run's own scoring; for a classifier or regressor the file's target is first encoded as training encoded it,
    /// and the labelled table and prediction come back for the pictures.
    /// </summary>
    private static (IReadOnlyDictionary<string, double> Scores, Table Labelled, Prediction? Prediction) Score(PipelineModel model, Table table, string path)
    {
        var labelled = model.Target != "" && table.Contains(model.Target);
        if (model.Task is TaskKind.Reconstruction or TaskKind.Clustering)
            return (TrainingRun.Score(model, table, labelled ? model.Target : ""), table, null);
        if (!labelled)
            throw LatheException.BadData($"{path}: no column '{model.Target}', the target this model predicts; evaluate compares predictions with it. " +
                                         "Use lathe predict for rows without it.");
        var prediction = model.Predict(table);
        var encoded = table.With(TargetEncoding.Encode(table[model.Target], model.Task, path, prediction.Classes));
        return (Scoring.Score(prediction, encoded[model.Target]), encoded, prediction);
    }
}
