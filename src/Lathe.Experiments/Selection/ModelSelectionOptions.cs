using Lathe.Experiments.Tuning;

namespace Lathe.Experiments.Selection;

/// <summary>How model.type auto runs: from `lathe train` (a fresh in-memory search) or `lathe tune` (its study settings).</summary>
public sealed record ModelSelectionOptions
{
    /// <summary>Trials when tune.trials is not set (--trials of `lathe tune` still overrides).</summary>
    public const int DefaultTrials = 30;

    public string RunsDirectory { get; init; } = "runs";

    /// <summary>
    /// null: `lathe train` — a new search each time, in memory, in runs/&lt;name&gt;-auto-&lt;stamp&gt;/. Given: `lathe tune`
    /// — the tune: section's storage and study (resumable, --workers), with these command-line choices.
    /// </summary>
    public TuneOptions? Tune { get; init; }

    /// <summary>How to start this program again, for --workers.</summary>
    public IReadOnlyList<string>? Launcher { get; init; }

    /// <summary>Receives the search's plan, its leaderboard and the refit's lines.</summary>
    public Action<string>? Log { get; init; }

    public CancellationToken Cancellation { get; init; }
}
