using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Pruners;

/// <summary>
/// Hyperband (Li et al. 2017) on top of ASHA: several successive-halving brackets, from aggressive (first rung at
/// the min resource) to patient (first rung near the max resource). Trial n goes to bracket n mod the bracket
/// count, and competes only with trials of its own bracket.
/// </summary>
public sealed class HyperbandPruner : IPruner
{
    private readonly SuccessiveHalvingPruner[] _brackets;

    public HyperbandPruner(int minResource = 1, int maxResource = 81, int reductionFactor = 3, int startupTrials = 0)
    {
        if (maxResource < minResource) throw LatheException.BadConfig("hyperband: max resource must be at least the min resource.");
        if (reductionFactor < 2) throw LatheException.BadConfig("hyperband: reduction factor must be at least 2.");
        var count = (int)Math.Floor(Math.Log((double)maxResource / minResource) / Math.Log(reductionFactor) + 1e-9) + 1;
        _brackets = [.. Enumerable.Range(0, count).Select(s =>
            new SuccessiveHalvingPruner(minResource, reductionFactor, s, startupTrials, t => t.Number % count == s))];
        (MinResource, MaxResource, ReductionFactor) = (minResource, maxResource, reductionFactor);
    }

    public int MinResource { get; }
    public int MaxResource { get; }
    public int ReductionFactor { get; }
    public int BracketCount => _brackets.Length;

    public int BracketOf(int trialNumber) => trialNumber % _brackets.Length;

    public bool ShouldPrune(StudyDirection direction, IReadOnlyList<FrozenTrial> trials, FrozenTrial trial) =>
        _brackets[BracketOf(trial.Number)].ShouldPrune(direction, trials, trial);
}
