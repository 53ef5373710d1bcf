using System.Text.Json.Nodes;
using Lathe.Models;

namespace Lathe.SemiSupervised;

/// <summary>
/// What <see cref="SelfTraining.Fit"/> produced: the final model (fitted on the labelled and all pseudo-labelled
/// rows), the data it was fitted on, every round, and the final model's validation scores.
/// </summary>
public sealed record SelfTrainingResult(
    IModel Model,
    TrainingData FinalData,
    int LabelledRows,
    int UnlabeledRows,
    SelfTrainingOptions Options,
    IReadOnlyList<SelfTrainingRound> Rounds,
    IReadOnlyDictionary<string, double>? FinalValidation)
{
    public int PseudoLabelledRows => FinalData.Train.RowCount - LabelledRows;

    /// <summary>The record kept in the run folder (self_training.json).</summary>
    public JsonObject ToJson() => new()
    {
        ["rounds_max"] = Options.Rounds,
        ["min_confidence"] = Options.MinConfidence,
        ["max_share"] = Options.MaxShare,
        ["labelled_rows"] = LabelledRows,
        ["unlabeled_rows"] = UnlabeledRows,
        ["pseudo_labelled_rows"] = PseudoLabelledRows,
        ["rounds"] = new JsonArray([.. Rounds.Select(r => (JsonNode)new JsonObject
        {
            ["round"] = r.Round,
            ["train_rows"] = r.TrainRows,
            ["pseudo_labelled_rows"] = r.PseudoLabelledRows,
            ["validation"] = Scores(r.Validation),
            ["added"] = r.Added,
            ["added_per_class"] = new JsonObject(r.AddedPerClass.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["unlabeled_left"] = r.UnlabeledLeft,
        })]),
        ["final"] = new JsonObject
        {
            ["train_rows"] = FinalData.Train.RowCount,
            ["pseudo_labelled_rows"] = PseudoLabelledRows,
            ["validation"] = Scores(FinalValidation),
        },
    };

    private static JsonObject? Scores(IReadOnlyDictionary<string, double>? scores) =>
        scores is null ? null : new JsonObject(scores.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Math.Round(kv.Value, 6))));
}
