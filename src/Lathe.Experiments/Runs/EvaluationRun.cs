using System.Text.Json;
using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Experiments.Data;
using Lathe.IO;
using Lathe.Metrics;
using Lathe.Models;

namespace Lathe.Experiments.Runs;

/// <summary>
/// `lathe evaluate RUN --data FILE`: scores a saved model on new labelled rows with the same metrics a
/// training run reports, and writes them to RUN/evaluations/&lt;file&gt;-&lt;time&gt;.json when RUN is a run folder.
/// </summary>
public static class EvaluationRun
{
    public sealed record Result(IReadOnlyDictionary<string, double> Scores, int Rows, string? File);

    public static Result Execute(string runOrModel, string dataPath)
    {
        var model = ModelFolder.Load(RunFolder.ModelDirectoryOf(runOrModel), ModelFactory.Catalog);
        var table = ModelInputReader.Read(dataPath, model);
        var scores = Score(model, table, dataPath);
        string? file = null;
        if (File.Exists(Path.Combine(runOrModel, "metrics.json")))
        {
            var folder = Path.Combine(runOrModel, "evaluations");
            Directory.CreateDirectory(folder);
            file = Path.Combine(Path.GetFullPath(folder), $"{Path.GetFileNameWithoutExtension(dataPath)}-{DateTime.Now:yyyyMMdd-HHmmss}.json");
            var json = new JsonObject
            {
                ["data"] = Path.GetFullPath(dataPath),
                ["rows"] = table.RowCount,
                ["scores"] = new JsonObject(scores.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Math.Round(kv.Value, 6)))),
            };
            AtomicFile.WriteAllText(file, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        return new Result(scores, table.RowCount, file);
    }

    /// <summary>The run's own scoring; for a classifier or regressor the file's target is first encoded as training encoded it.</summary>
    private static IReadOnlyDictionary<string, double> Score(PipelineModel model, Table table, string path)
    {
        var labelled = model.Target != "" && table.Contains(model.Target);
        if (model.Task is TaskKind.Reconstruction or TaskKind.Clustering)
            return TrainingRun.Score(model, table, labelled ? model.Target : "");
        if (!labelled)
            throw LatheException.BadData($"{path}: no column '{model.Target}', the target this model predicts; evaluate compares predictions with it. " +
                                         "Use lathe predict for rows without it.");
        var prediction = model.Predict(table);
        return Scoring.Score(prediction, TargetEncoding.Encode(table[model.Target], model.Task, path, prediction.Classes));
    }
}
