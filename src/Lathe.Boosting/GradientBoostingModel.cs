using System.Text.Json.Nodes;
using Lathe.Boosting.Native;
using Lathe.Data;
using Lathe.IO;
using Lathe.Models;

namespace Lathe.Boosting;

/// <summary>
/// Fitted gradient-boosted trees. The trees are LightGBM's own model text (model.txt in the model folder,
/// readable and loadable by LightGBM itself); model.json holds the features and classes. Predictions always
/// come from a booster read back from that text, so a saved and reloaded model predicts identically.
/// </summary>
public sealed class GradientBoostingModel : IModel, IHasFeatureImportances
{
    public const string ModelFile = "model.txt";

    private readonly BoosterHandle _booster;
    private readonly int _width;

    public GradientBoostingModel(string modelText, TaskKind task, IReadOnlyList<string> features, IReadOnlyList<string>? classes, int width)
    {
        (ModelText, Task, Features, Classes, _width) = (modelText, task, features, classes, width);
        _booster = BoosterHandle.FromModelText(modelText);
        Rounds = _booster.Rounds;
        var gains = _booster.GainImportances(width);
        var total = gains.Sum();
        FeatureImportances = features.Select((f, i) => (f, total > 0 ? gains[i] / total : 0)).ToDictionary(p => p.f, p => p.Item2);
    }

    public string Type => GradientBoostingEstimator.TypeName;

    public TaskKind Task { get; }

    public IReadOnlyList<string> Features { get; }

    public IReadOnlyList<string>? Classes { get; }

    /// <summary>LightGBM's model text: every tree, its splits and leaf values.</summary>
    public string ModelText { get; }

    /// <summary>Boosting rounds kept in the model.</summary>
    public int Rounds { get; }

    /// <summary>Each input column's share of the total split gain (sums to 1 when the trees split at all).</summary>
    public IReadOnlyDictionary<string, double> FeatureImportances { get; }

    public Prediction Predict(Table table)
    {
        var x = FeatureMatrix.Build(table, Features, out var width);
        if (width != _width) throw LatheException.BadData($"The input has {width} feature values per row; this model was trained on {_width}.");
        var rows = table.RowCount;
        if (Classes is null)
            return Prediction.Regression([.. _booster.Predict(x, rows, width, 1).Select(v => (float)v)]);
        var k = Classes.Count;
        var raw = _booster.Predict(x, rows, width, k == 2 ? 1 : k);
        var probabilities = new float[rows * k];
        for (var r = 0; r < rows; r++)
        {
            if (k == 2)
            {
                probabilities[r * 2] = (float)(1 - raw[r]);
                probabilities[r * 2 + 1] = (float)raw[r];
            }
            else
            {
                for (var c = 0; c < k; c++) probabilities[r * k + c] = (float)raw[r * k + c];
            }
        }
        return Prediction.Classification(probabilities, Classes);
    }

    public JsonObject Save(string directory)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, ModelFile), ModelText);
        return new JsonObject
        {
            ["type"] = Type,
            ["task"] = Task.ToString().ToLowerInvariant(),
            ["features"] = new JsonArray([.. Features.Select(f => JsonValue.Create(f))]),
            ["classes"] = Classes is null ? null : new JsonArray([.. Classes.Select(c => JsonValue.Create(c))]),
            ["width"] = _width,
            ["rounds"] = Rounds,
            ["trees"] = ModelFile,
        };
    }

    public static GradientBoostingModel Load(JsonObject json, string directory)
    {
        var path = Path.Combine(directory, (string?)json["trees"] ?? ModelFile);
        if (!File.Exists(path)) throw LatheException.BadData($"{directory}: the boosted trees file {Path.GetFileName(path)} is missing.");
        return new GradientBoostingModel(File.ReadAllText(path),
            Enum.Parse<TaskKind>((string)json["task"]!, ignoreCase: true),
            [.. json["features"]!.AsArray().Select(f => (string)f!)],
            json["classes"]?.AsArray().Select(c => (string)c!).ToArray(),
            (int)json["width"]!);
    }
}
