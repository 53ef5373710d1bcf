using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Lathe.Training;

/// <summary>Records every step's metrics (Keras' History): the source of history.csv and the learning curves.</summary>
public sealed class History : IStatefulCallback
{
    private readonly List<StepReport> _steps = [];

    public IReadOnlyList<StepReport> Steps => _steps;

    /// <summary>A history holding recorded steps, such as those read back from a run's history.json.</summary>
    public static History Of(IEnumerable<StepReport> steps)
    {
        var history = new History();
        history._steps.AddRange(steps);
        return history;
    }

    /// <summary>Metric names in the order first seen.</summary>
    public IReadOnlyList<string> MetricNames => [.. _steps.SelectMany(s => s.Metrics.Keys).Distinct()];

    public void OnFitStart(FitContext context) => _steps.Clear();

    public void OnStep(StepReport report, FitContext context) => _steps.Add(report);

    /// <summary>The series of one metric as (step, value) pairs, skipping steps that did not report it.</summary>
    public IReadOnlyList<(int Step, double Value)> Series(string metric) =>
        [.. _steps.Where(s => s.Metrics.ContainsKey(metric)).Select(s => (s.Step, s.Metrics[metric]))];

    public string StateName => "history";

    public void SaveState(CheckpointFolder checkpoint, FitContext context) =>
        checkpoint.WriteJson(StateName, new JsonArray([.. _steps.Select(s => (JsonNode)new JsonObject
        {
            ["step"] = s.Step,
            ["total"] = s.TotalSteps,
            ["metrics"] = new JsonObject(s.Metrics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)(double.IsFinite(kv.Value) ? kv.Value : null)))),
        })]));

    public void LoadState(CheckpointFolder checkpoint, FitContext context)
    {
        _steps.Clear();
        foreach (var s in checkpoint.ReadJson(StateName).AsArray())
            _steps.Add(new StepReport((int)s!["step"]!, (int?)s["total"],
                s["metrics"]!.AsObject().ToDictionary(kv => kv.Key, kv => (double?)kv.Value ?? double.NaN)));
    }

    /// <summary>JSON: one object per step, {"epoch": n, "train_loss": ..., ...}; non-finite values are null.</summary>
    public string ToJson(string stepName = "epoch") =>
        new JsonArray([.. _steps.Select(s =>
        {
            var row = new JsonObject { [stepName] = s.Step };
            foreach (var (name, value) in s.Metrics) row[name] = double.IsFinite(value) ? value : null;
            return (JsonNode)row;
        })]).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    /// <summary>CSV with a header "epoch,metric,..." and one row per step; a metric a step lacks is left empty.</summary>
    public string ToCsv(string stepName = "epoch")
    {
        var names = MetricNames;
        var text = new StringBuilder();
        text.AppendJoin(',', [stepName, .. names]).Append('\n');
        foreach (var step in _steps)
        {
            text.Append(step.Step.ToString(CultureInfo.InvariantCulture));
            foreach (var name in names)
            {
                text.Append(',');
                if (step.Metrics.TryGetValue(name, out var v)) text.Append(v.ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
