using Lathe.Tuning.Distributions;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Samplers;

/// <summary>
/// Chooses a value for one parameter of a running trial (define-by-run: params are asked for one at a time,
/// so a param that exists only under some choice is simply asked for only then).
/// </summary>
public interface ISampler
{
    /// <summary>Called once per worker before its first trial; a grid queues its points here.</summary>
    void Prepare(Study study) { }

    /// <summary>True when trials come only from the study's queue (a grid): the study ends when the queue is empty.</summary>
    bool QueuedOnly => false;

    /// <summary>The internal value for <paramref name="name"/> (a categorical's index).</summary>
    /// <param name="history">The study's trials when this trial started.</param>
    /// <param name="trial">The trial being sampled, with the params it already has.</param>
    double Sample(SamplingContext context, string name, ParamDistribution distribution);
}

/// <summary>What a sampler may look at: the study's past and the trial at hand.</summary>
public sealed record SamplingContext(StudyDirection Direction, IReadOnlyList<FrozenTrial> History, FrozenTrial Trial);
