namespace Lathe.Experiments.Tuning;

/// <summary>Command-line choices of `lathe tune` that take precedence over the config's tune: section.</summary>
public sealed record TuneOptions
{
    public string RunsDirectory { get; init; } = "runs";

    /// <summary>Total trials of the study (overrides tune.trials).</summary>
    public int? Trials { get; init; }

    /// <summary>Worker processes to start (1: run the trials in this process).</summary>
    public int Workers { get; init; } = 1;

    public string? Study { get; init; }

    public string? Storage { get; init; }

    /// <summary>Set in worker processes: the tune folder their parent chose; they run trials and print nothing else.</summary>
    public string? WorkerFolder { get; init; }

    /// <summary>The tune folder to write into, instead of finding or creating runs/&lt;study&gt;-tune-&lt;stamp&gt; (model.type auto picks its own).</summary>
    public string? Folder { get; init; }

    /// <summary>Receives the leaderboard and summary lines.</summary>
    public Action<string>? Log { get; init; }

    public CancellationToken Cancellation { get; init; }
}
