namespace Lathe.Tuning.Studies;

/// <summary>When <see cref="Study.Optimize"/> stops.</summary>
public sealed record OptimizeLimits
{
    /// <summary>Trials this worker runs (null: no own limit).</summary>
    public int? Trials { get; init; }

    /// <summary>Running, complete and pruned trials of the whole study, across all workers (null: no limit).</summary>
    public int? StudyTrials { get; init; }

    public CancellationToken Cancellation { get; init; }
}
