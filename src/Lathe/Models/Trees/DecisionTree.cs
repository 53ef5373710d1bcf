using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Lathe.Models.Trees;

/// <summary>
/// A fitted binary tree stored as flat arrays (node i: feature, threshold, children; a leaf has feature −1).
/// Rows go left when value ≤ threshold. Each node keeps its value: class proportions, or the mean target.
/// </summary>
public sealed class DecisionTree
{
    internal DecisionTree(int[] feature, float[] threshold, int[] left, int[] right, float[][] value, int width)
        => (Feature, Threshold, Left, Right, Value, Width) = (feature, threshold, left, right, value, width);

    public int[] Feature { get; }
    public float[] Threshold { get; }
    public int[] Left { get; }
    public int[] Right { get; }

    /// <summary>Per node: class proportions (classification) or a one-element mean (regression).</summary>
    public float[][] Value { get; }

    /// <summary>Number of input features.</summary>
    public int Width { get; }

    public int NodeCount => Feature.Length;

    public int Depth => DepthOf(0);

    /// <summary>The leaf a row of <paramref name="x"/> (row-major, <see cref="Width"/> per row) ends in.</summary>
    public int LeafOf(ReadOnlySpan<float> row)
    {
        var node = 0;
        while (Feature[node] >= 0) node = row[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        return node;
    }

    /// <summary>The tree as nested if/else rules with feature names, as a person would read it.</summary>
    public string ToRules(IReadOnlyList<string> featureNames, IReadOnlyList<string>? classes)
    {
        var text = new StringBuilder();
        Write(0, 0);
        return text.ToString();

        void Write(int node, int depth)
        {
            var indent = new string(' ', depth * 2);
            if (Feature[node] < 0)
            {
                text.Append(indent).Append("predict ").AppendLine(Describe(Value[node], classes));
                return;
            }
            var condition = $"{featureNames[Feature[node]]} <= {Threshold[node].ToString("G6", CultureInfo.InvariantCulture)}";
            text.Append(indent).Append("if ").AppendLine(condition);
            Write(Left[node], depth + 1);
            text.Append(indent).AppendLine("else");
            Write(Right[node], depth + 1);
        }
    }

    public JsonObject ToJson() => new()
    {
        ["width"] = Width,
        ["feature"] = new JsonArray([.. Feature.Select(v => JsonValue.Create(v))]),
        ["threshold"] = new JsonArray([.. Threshold.Select(v => JsonValue.Create(v))]),
        ["left"] = new JsonArray([.. Left.Select(v => JsonValue.Create(v))]),
        ["right"] = new JsonArray([.. Right.Select(v => JsonValue.Create(v))]),
        ["value"] = new JsonArray([.. Value.Select(v => (JsonNode)new JsonArray([.. v.Select(x => JsonValue.Create(x))]))]),
    };

    public static DecisionTree FromJson(JsonObject json) => new(
        [.. json["feature"]!.AsArray().Select(v => (int)v!)],
        [.. json["threshold"]!.AsArray().Select(v => (float)v!)],
        [.. json["left"]!.AsArray().Select(v => (int)v!)],
        [.. json["right"]!.AsArray().Select(v => (int)v!)],
        [.. json["value"]!.AsArray().Select(v => v!.AsArray().Select(x => (float)x!).ToArray())],
        (int)json["width"]!);

    private int DepthOf(int node) => Feature[node] < 0 ? 0 : 1 + Math.Max(DepthOf(Left[node]), DepthOf(Right[node]));

    private static string Describe(float[] value, IReadOnlyList<string>? classes)
    {
        if (classes is null) return value[0].ToString("G6", CultureInfo.InvariantCulture);
        var best = Array.IndexOf(value, value.Max());
        return string.Create(CultureInfo.InvariantCulture, $"{classes[best]} ({value[best] * 100:0}%)");
    }
}
