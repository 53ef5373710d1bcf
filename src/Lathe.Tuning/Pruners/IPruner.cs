using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Pruners;

/// <summary>Decides, after a trial reported a step, whether to stop it early.</summary>
public interface IPruner
{
    /// <param name="trials">All trials of the study (other workers' included), as storage has them now.</param>
    /// <param name="trial">The trial at hand, with every value it reported so far.</param>
    bool ShouldPrune(StudyDirection direction, IReadOnlyList<FrozenTrial> trials, FrozenTrial trial);
}

/// <summary>Never prunes.</summary>
public sealed class NoPruner : IPruner
{
    public bool ShouldPrune(StudyDirection direction, IReadOnlyList<FrozenTrial> trials, FrozenTrial trial) => false;
}
