namespace Lathe.Training;

/// <summary>
/// Where and when a fit writes checkpoints, and which one it resumes from. Estimators that support
/// checkpoints write "last" after every epoch (or round), "best" whenever <see cref="Monitor"/>
/// improves, and "epoch-N" every <see cref="EveryEpochs"/> epochs.
/// </summary>
public sealed record CheckpointSettings
{
    public required string Directory { get; init; }

    /// <summary>Also keep a numbered checkpoint every this many epochs (0: never).</summary>
    public int EveryEpochs { get; init; }

    /// <summary>Metric that decides the "best" checkpoint (null: no best checkpoint).</summary>
    public string? Monitor { get; init; } = "val_loss";

    /// <summary>A checkpoint folder to continue from (null: start fresh).</summary>
    public string? ResumeFrom { get; init; }

    public string LastPath => Path.Combine(Directory, "last");

    public string BestPath => Path.Combine(Directory, "best");
}
