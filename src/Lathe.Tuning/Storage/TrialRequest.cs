namespace Lathe.Tuning.Storage;

/// <summary>
/// How a worker asks storage for its next trial. The limit is checked in the same transaction that hands out
/// the trial, so workers on many machines together never start more than <see cref="MaxTrials"/>.
/// </summary>
public sealed record TrialRequest
{
    public required string Worker { get; init; }

    /// <summary>Stop when the study holds this many running, complete or pruned trials (failed ones are retried); null: no limit.</summary>
    public int? MaxTrials { get; init; }

    /// <summary>Only take a waiting trial, never create a new one (a grid study ends when its queue is empty).</summary>
    public bool QueuedOnly { get; init; }
}
