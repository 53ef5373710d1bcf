namespace Lathe.Torch.Training;

/// <summary>How the <see cref="Trainer"/> runs: epochs, batches, optimizer and device.</summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 100;

    public int BatchSize { get; init; } = 32;

    /// <summary>Reshuffle the training rows every epoch (seeded by the fit's seed).</summary>
    public bool Shuffle { get; init; } = true;

    public OptimizerOptions Optimizer { get; init; } = new();

    /// <summary>auto, cpu or cuda.</summary>
    public string Device { get; init; } = "auto";

    public void Validate()
    {
        if (Epochs < 1) throw LatheException.BadConfig($"train.epochs must be at least 1, not {Epochs}.");
        if (BatchSize < 1) throw LatheException.BadConfig($"train.batch_size must be at least 1, not {BatchSize}.");
        Optimizer.Validate();
    }
}
