using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Models.Trees;

/// <summary>A fitted random forest: its trees as plain JSON arrays, averaged importances.</summary>
public sealed class RandomForestModel(IReadOnlyList<DecisionTree> trees, TaskKind task, IReadOnlyList<string> features, IReadOnlyList<string>? classes,
    double[] importances) : IModel, IHasFeatureImportances
{
    public string Type => RandomForestEstimator.TypeName;

    public TaskKind Task => task;

    public IReadOnlyList<DecisionTree> Trees => trees;

    /// <summary>Each feature's impurity-decrease importance averaged over the trees (sums to 1).</summary>
    public IReadOnlyDictionary<string, double> FeatureImportances =>
        features.Select((f, i) => (f, importances[i])).ToDictionary(p => p.f, p => p.Item2);

    public Prediction Predict(Table table)
    {
        var x = FeatureMatrix.Build(table, features, out var width);
        if (width != trees[0].Width) throw LatheException.BadData($"The input has {width} feature values per row; this forest was trained on {trees[0].Width}.");
        return Average(x, width, Enumerable.Range(0, table.RowCount).Select(r => (Row: r, Trees: (IEnumerable<int>)Enumerable.Range(0, trees.Count))));
    }

    /// <summary>The mean over the given trees of each row's leaf value; rows without trees get NaN.</summary>
    internal Prediction Average(float[] x, int width, IEnumerable<(int Row, IEnumerable<int> Trees)> rows)
    {
        var outputs = classes?.Count ?? 1;
        var list = rows.ToList();
        var result = new float[list.Count * outputs];
        Parallel.For(0, list.Count, i =>
        {
            var (row, which) = list[i];
            var count = 0;
            foreach (var t in which)
            {
                var value = trees[t].Value[trees[t].LeafOf(x.AsSpan(row * width, width))];
                for (var k = 0; k < outputs; k++) result[i * outputs + k] += value[k];
                count++;
            }
            for (var k = 0; k < outputs; k++) result[i * outputs + k] = count == 0 ? float.NaN : result[i * outputs + k] / count;
        });
        return classes is null ? Prediction.Regression(result) : Prediction.Classification(result, classes);
    }

    public JsonObject Save(string directory) => new()
    {
        ["type"] = Type,
        ["task"] = task.ToString().ToLowerInvariant(),
        ["features"] = new JsonArray([.. features.Select(f => JsonValue.Create(f))]),
        ["classes"] = classes is null ? null : new JsonArray([.. classes.Select(c => JsonValue.Create(c))]),
        ["importances"] = new JsonArray([.. importances.Select(v => JsonValue.Create(v))]),
        ["trees"] = new JsonArray([.. trees.Select(t => (JsonNode)t.ToJson())]),
    };

    public static RandomForestModel Load(JsonObject json, string directory) => new(
        [.. json["trees"]!.AsArray().Select(t => DecisionTree.FromJson(t!.AsObject()))],
        Enum.Parse<TaskKind>((string)json["task"]!, ignoreCase: true),
        [.. json["features"]!.AsArray().Select(f => (string)f!)],
        json["classes"]?.AsArray().Select(c => (string)c!).ToArray(),
        [.. json["importances"]!.AsArray().Select(v => (double)v!)]);
}
