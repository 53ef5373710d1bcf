using Lathe.Tracking.Store;
using Lathe.Training;

namespace Lathe.Experiments.Runs;

/// <summary>Where a run writes and who watches it.</summary>
public sealed record RunOptions
{
    /// <summary>Folder that holds the run folders (default: runs/ under the current directory).</summary>
    public string RunsDirectory { get; init; } = "runs";

    /// <summary>Fit on the training and validation rows together, with no validation part (the refit of a model chosen on validation).</summary>
    public bool FitOnValidation { get; init; }

    /// <summary>Entries added to metrics.json and the model's metrics, e.g. "selection" for the winner of model.type auto.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode> Annotations { get; init; } = new Dictionary<string, System.Text.Json.Nodes.JsonNode>();

    /// <summary>Extra callbacks, such as a progress display.</summary>
    public IReadOnlyList<ICallback> Callbacks { get; init; } = [];

    /// <summary>Receives one line per decision or event worth telling the user.</summary>
    public Action<string>? Log { get; init; }

    public CancellationToken Cancellation { get; init; }

    /// <summary>A run folder to continue from its last checkpoint, instead of starting a new run.</summary>
    public string? ResumeRun { get; init; }

    /// <summary>The exact run folder to create (a tuning trial's trial-N), instead of &lt;name&gt;-&lt;stamp&gt; under <see cref="RunsDirectory"/>.</summary>
    public string? Folder { get; init; }

    /// <summary>The run store to record into, instead of the one the config's tracking: section names (the caller disposes it).</summary>
    public IRunStore? RunStore { get; init; }

    /// <summary>Tags to record with the run (a tuning trial's tune.study and tune.trial).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
