using Lathe.Training;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning;

/// <summary>
/// Connects any fit to a trial: each step's <see cref="Metric"/> is reported to the trial, and when the study's
/// pruner says so the fit is asked to stop. The objective then checks <see cref="Pruned"/> and throws
/// <see cref="TrialPrunedException"/>. Steps that do not report the metric (progress inside a one-step fit) are skipped.
/// </summary>
public sealed class PruningCallback(Trial trial, string metric) : ICallback
{
    public string Metric { get; } = metric;

    public bool Pruned { get; private set; }

    public int? PrunedAt { get; private set; }

    /// <summary>The metric's value at the last step that reported it.</summary>
    public double? LastValue { get; private set; }

    public void OnFitStart(FitContext context) => (Pruned, PrunedAt, LastValue) = (false, null, null);

    public void OnStep(StepReport report, FitContext context)
    {
        if (Pruned || !report.Metrics.TryGetValue(Metric, out var value)) return;
        LastValue = value;
        trial.Report(report.Step, value);
        if (!trial.ShouldPrune()) return;
        (Pruned, PrunedAt) = (true, report.Step);
        context.RequestStop($"pruned by the tuner: {Metric} {value:G5} at step {report.Step} is not promising");
    }

    /// <summary>Throws <see cref="TrialPrunedException"/> if the fit was pruned.</summary>
    public void ThrowIfPruned()
    {
        if (Pruned) throw new TrialPrunedException($"trial {trial.Number} pruned at step {PrunedAt}");
    }
}
