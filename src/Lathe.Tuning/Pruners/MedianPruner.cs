using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Pruners;

/// <summary>
/// Prunes a trial whose best value so far is worse than the median of what completed trials reported at the
/// same step. Waits for <see cref="StartupTrials"/> completed trials, and never judges the first
/// <see cref="WarmupSteps"/> steps of a trial (early epochs are noisy).
/// </summary>
public sealed class MedianPruner(int startupTrials = 5, int warmupSteps = 0) : IPruner
{
    public int StartupTrials { get; } = startupTrials >= 0 ? startupTrials : throw LatheException.BadConfig("median pruner: startup trials cannot be negative.");
    public int WarmupSteps { get; } = warmupSteps >= 0 ? warmupSteps : throw LatheException.BadConfig("median pruner: warm-up steps cannot be negative.");

    public bool ShouldPrune(StudyDirection direction, IReadOnlyList<FrozenTrial> trials, FrozenTrial trial)
    {
        if (trial.IntermediateValues.Count == 0) return false;
        var step = trial.IntermediateValues.Keys.Max();
        if (step <= WarmupSteps) return false;
        var completed = trials.Where(t => t.State == TrialState.Complete && t.Number != trial.Number).ToList();
        if (completed.Count < StartupTrials || completed.Count == 0) return false;
        var atStep = completed.Where(t => t.IntermediateValues.ContainsKey(step)).Select(t => t.IntermediateValues[step]).Order().ToArray();
        if (atStep.Length == 0) return false;
        var median = atStep.Length % 2 == 1 ? atStep[atStep.Length / 2] : (atStep[atStep.Length / 2 - 1] + atStep[atStep.Length / 2]) / 2;
        var mine = trial.IntermediateValues.Values;
        var best = direction == StudyDirection.Minimize ? mine.Min() : mine.Max();
        return direction.Better(median, best);
    }
}
