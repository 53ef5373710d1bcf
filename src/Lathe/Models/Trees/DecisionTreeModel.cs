using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Models.Trees;

/// <summary>A fitted decision tree, saved as plain JSON arrays, with feature importances and readable rules.</summary>
public sealed class DecisionTreeModel(DecisionTree tree, TaskKind task, IReadOnlyList<string> features, IReadOnlyList<string>? classes, double[] importances)
    : IModel, IHasFeatureImportances
{
    public string Type => DecisionTreeEstimator.TypeName;

    public TaskKind Task => task;

    public DecisionTree Tree => tree;

    /// <summary>Share of the total impurity decrease due to each input column (sums to 1 when the tree split at all).</summary>
    public IReadOnlyDictionary<string, double> FeatureImportances =>
        features.Select((f, i) => (f, importances[i])).ToDictionary(p => p.f, p => p.Item2);

    /// <summary>The tree as nested if/else rules over the (prepared) input columns.</summary>
    public string Rules => tree.ToRules(features, classes);

    public Prediction Predict(Table table)
    {
        var x = FeatureMatrix.Build(table, features, out var width);
        if (width != tree.Width) throw LatheException.BadData($"The input has {width} feature values per row; this tree was trained on {tree.Width}.");
        var rows = table.RowCount;
        if (classes is null)
            return Prediction.Regression([.. Enumerable.Range(0, rows).Select(r => tree.Value[tree.LeafOf(x.AsSpan(r * width, width))][0])]);
        var probabilities = new float[rows * classes.Count];
        for (var r = 0; r < rows; r++)
            tree.Value[tree.LeafOf(x.AsSpan(r * width, width))].CopyTo(probabilities, r * classes.Count);
        return Prediction.Classification(probabilities, classes);
    }

    public JsonObject Save(string directory) => new()
    {
        ["type"] = Type,
        ["task"] = task.ToString().ToLowerInvariant(),
        ["features"] = new JsonArray([.. features.Select(f => JsonValue.Create(f))]),
        ["classes"] = classes is null ? null : new JsonArray([.. classes.Select(c => JsonValue.Create(c))]),
        ["importances"] = new JsonArray([.. importances.Select(v => JsonValue.Create(v))]),
        ["tree"] = tree.ToJson(),
    };

    public static DecisionTreeModel Load(JsonObject json, string directory) => new(
        DecisionTree.FromJson(json["tree"]!.AsObject()),
        Enum.Parse<TaskKind>((string)json["task"]!, ignoreCase: true),
        [.. json["features"]!.AsArray().Select(f => (string)f!)],
        json["classes"]?.AsArray().Select(c => (string)c!).ToArray(),
        [.. json["importances"]!.AsArray().Select(v => (double)v!)]);
}
