using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Pruners;

/// <summary>
/// Asynchronous successive halving (ASHA, Li et al. 2018). Rungs sit at steps r·η^(s+k) (r: min resource,
/// η: reduction factor, s: min early-stopping rate). When a trial reaches a rung it is compared with every trial
/// that reached that rung before it: it goes on only if it is within the top 1/η of them (with fewer than η, only
/// if it is the best so far). No trial waits for others. A trial's value at a rung is the value it reported at the
/// first step at or past the rung. With <see cref="StartupTrials"/>, the first trials to reach a rung are never cut
/// there: with one or two rivals, "the best so far" cuts a slow starter on the say-so of a single other trial.
/// </summary>
public sealed class SuccessiveHalvingPruner : IPruner
{
    private readonly Func<FrozenTrial, bool> _sameBracket;

    public SuccessiveHalvingPruner(int minResource = 1, int reductionFactor = 3, int minEarlyStoppingRate = 0, int startupTrials = 0)
        : this(minResource, reductionFactor, minEarlyStoppingRate, startupTrials, _ => true) { }

    internal SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate, int startupTrials, Func<FrozenTrial, bool> sameBracket)
    {
        if (minResource < 1) throw LatheException.BadConfig("successive halving: min resource must be at least 1.");
        if (reductionFactor < 2) throw LatheException.BadConfig("successive halving: reduction factor must be at least 2.");
        if (minEarlyStoppingRate < 0) throw LatheException.BadConfig("successive halving: min early-stopping rate cannot be negative.");
        if (startupTrials < 0) throw LatheException.BadConfig("successive halving: start-up trials cannot be negative.");
        (MinResource, ReductionFactor, MinEarlyStoppingRate, StartupTrials, _sameBracket) = (minResource, reductionFactor, minEarlyStoppingRate, startupTrials, sameBracket);
    }

    public int MinResource { get; }
    public int ReductionFactor { get; }
    public int MinEarlyStoppingRate { get; }

    /// <summary>Trials that reach a rung before it cuts anyone there (counting the one judged).</summary>
    public int StartupTrials { get; }

    /// <summary>The step of rung k.</summary>
    public long RungStep(int k) => MinResource * (long)Math.Pow(ReductionFactor, MinEarlyStoppingRate + k);

    public bool ShouldPrune(StudyDirection direction, IReadOnlyList<FrozenTrial> trials, FrozenTrial trial)
    {
        if (trial.IntermediateValues.Count < 1) return false;
        var steps = trial.IntermediateValues.Keys.Order().ToArray();
        var step = steps[^1];
        var previous = steps.Length > 1 ? steps[^2] : 0;
        // Only the step that crosses a rung is judged; between rungs a trial runs on.
        var k = 0;
        while (RungStep(k) <= previous) k++;
        if (RungStep(k) > step) return false;

        var rung = RungStep(k);
        var mine = trial.IntermediateValues[step];
        if (!double.IsFinite(mine)) return true;
        var competing = trials
            .Where(t => t.Number != trial.Number && _sameBracket(t))
            .Select(t => ValueAtRung(t, rung))
            .Where(v => v is { } x && double.IsFinite(x))
            .Select(v => v!.Value)
            .Append(mine)
            .OrderBy(v => direction == StudyDirection.Minimize ? v : -v)
            .ToArray();
        if (competing.Length <= StartupTrials) return false;
        var promotable = Math.Max(competing.Length / ReductionFactor - 1, 0);
        var threshold = competing[promotable];
        return direction.Better(threshold, mine);
    }

    private static double? ValueAtRung(FrozenTrial trial, long rung)
    {
        foreach (var (step, value) in trial.IntermediateValues.OrderBy(p => p.Key))
            if (step >= rung) return value;
        return null;
    }
}
