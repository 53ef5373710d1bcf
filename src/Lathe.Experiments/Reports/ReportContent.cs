using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Diagnosis;
using Lathe.Experiments.Runs;
using Lathe.Inspection;

namespace Lathe.Experiments.Reports;

/// <summary>One part of the data (train, validation, test): its rows and, for classification, its rows per class.</summary>
public sealed record PartSummary(string Name, int Rows, IReadOnlyList<(string Class, int Count)>? Classes);

/// <summary>A picture of the run folder and what it shows.</summary>
public sealed record ReportPicture(string File, string Caption);

/// <summary>Counts of (true class, predicted class) on the pictured part; rows are true classes.</summary>
public sealed record ConfusionCounts(string Part, IReadOnlyList<string> Classes, int[,] Counts);

/// <summary>Everything `lathe report` shows, gathered once; report.json and report.html are both drawn from it.</summary>
public sealed record ReportContent
{
    public required string Name { get; init; }
    public required string Folder { get; init; }
    public required DateTime Finished { get; init; }
    public required string Task { get; init; }
    public required string Model { get; init; }
    public required string ConfigYaml { get; init; }
    public required JsonObject Metrics { get; init; }
    public required IReadOnlyList<ReportPicture> Pictures { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>What a reader should know: things left out and why (data no longer at its path, an older run without environment.json), data files changed since training.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    public IReadOnlyList<PartSummary>? Parts { get; init; }
    public IReadOnlyList<ColumnSummary>? Columns { get; init; }
    public JsonNode? Cleaning { get; init; }
    public JsonNode? Split { get; init; }
    public JsonNode? History { get; init; }
    public ConfusionCounts? Confusion { get; init; }
    public PermutationImportanceResult? Permutation { get; init; }
    public string? PermutationPart { get; init; }
    public IReadOnlyDictionary<string, double>? NativeImportances { get; init; }
    public LearningCurveResult? SizeCurve { get; init; }
    public JsonObject? Environment { get; init; }

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["run"] = Folder,
        ["finished"] = Finished.ToString("O"),
        ["task"] = Task,
        ["model"] = Model,
        ["metrics"] = Metrics.DeepClone(),
        ["data"] = Parts is null ? null : new JsonObject
        {
            ["parts"] = new JsonArray([.. Parts.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["rows"] = p.Rows,
                ["classes"] = p.Classes is null ? null : new JsonObject(p.Classes.Select(c => KeyValuePair.Create(c.Class, (JsonNode?)c.Count))),
            })]),
            ["columns"] = new JsonArray([.. (Columns ?? []).Select(ColumnJson)]),
        },
        ["cleaning"] = Cleaning?.DeepClone(),
        ["split"] = Split?.DeepClone(),
        ["history"] = History?.DeepClone(),
        ["confusion_matrix"] = Confusion is not { } c ? null : new JsonObject
        {
            ["part"] = c.Part,
            ["classes"] = new JsonArray([.. c.Classes.Select(n => (JsonNode)n)]),
            ["counts"] = new JsonArray([.. Enumerable.Range(0, c.Classes.Count).Select(t =>
                (JsonNode)new JsonArray([.. Enumerable.Range(0, c.Classes.Count).Select(p => (JsonNode)c.Counts[t, p])]))]),
        },
        ["importances"] = new JsonObject
        {
            ["permutation"] = Permutation is not { } p ? null : new JsonObject
            {
                ["part"] = PermutationPart,
                ["metric"] = p.Metric,
                ["baseline"] = Round(p.Baseline),
                ["repeats"] = p.Repeats,
                ["columns"] = new JsonArray([.. p.Columns.Select(i => (JsonNode)new JsonObject
                {
                    ["column"] = i.Column, ["mean"] = Round(i.Mean), ["std"] = Round(i.Spread),
                })]),
            },
            ["model"] = NativeImportances is null ? null
                : new JsonObject(NativeImportances.OrderByDescending(kv => kv.Value).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Round(kv.Value)))),
        },
        ["doctor"] = DoctorRun.ToJson(Findings)["findings"]!.DeepClone(),
        ["data_sufficiency"] = SizeCurve?.ToJson(),
        ["environment"] = Environment?.DeepClone(),
        ["pictures"] = new JsonArray([.. Pictures.Select(p => (JsonNode)new JsonObject { ["file"] = p.File, ["caption"] = p.Caption })]),
        ["notes"] = new JsonArray([.. Notes.Select(n => (JsonNode)n)]),
    };

    private static JsonNode ColumnJson(ColumnSummary c)
    {
        var json = new JsonObject { ["name"] = c.Name, ["kind"] = c.Kind.ToString().ToLowerInvariant(), ["rows"] = c.Rows, ["missing"] = c.Missing };
        if (c.Mean is { } mean)
        {
            json["mean"] = Round(mean);
            json["std"] = Round(c.Std!.Value);
            json["min"] = Round(c.Min!.Value);
            json["max"] = Round(c.Max!.Value);
        }
        if (c.Distinct is { } distinct) json["distinct"] = distinct;
        if (c.Top is { } top) json["top"] = new JsonObject(top.Select(t => KeyValuePair.Create(t.Value, (JsonNode?)t.Count)));
        if (c.Shape is { } shape) json["shape"] = new JsonArray([.. shape.Select(s => (JsonNode)s)]);
        return json;
    }

    private static double Round(double value) => Math.Round(value, 6);
}
