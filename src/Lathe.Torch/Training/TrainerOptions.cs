using Lathe.Augmentation;
using Lathe.Torch.Schedules;
using Lathe.Torch.Transfer;

namespace Lathe.Torch.Training;

/// <summary>How the <see cref="Trainer"/> runs: epochs or a step budget, batches, optimizer, schedule, regularization, device.</summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 100;

    /// <summary>Stop after this many optimizer steps, even mid-epoch (null: run all epochs).</summary>
    public long? MaxSteps { get; init; }

    public int BatchSize { get; init; } = 32;

    /// <summary>Reshuffle the training rows every epoch (seeded by the fit's seed).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Add up the gradients of this many batches before each optimizer step (a larger effective batch).</summary>
    public int AccumulateBatches { get; init; } = 1;

    /// <summary>Rescale the gradients so their global L2 norm is at most this (null: off).</summary>
    public double? ClipNorm { get; init; }

    /// <summary>Clamp every gradient element to [-value, value] (null: off).</summary>
    public double? ClipValue { get; init; }

    /// <summary>Explicit L1 penalty, l1·Σ|w|, over weight matrices and kernels (not biases or norm scales).</summary>
    public double L1 { get; init; }

    /// <summary>Explicit L2 penalty, l2·Σw², over weight matrices and kernels (not biases or norm scales).</summary>
    public double L2 { get; init; }

    public OptimizerOptions Optimizer { get; init; } = new();

    public ScheduleOptions Schedule { get; init; } = new();

    /// <summary>Frozen layers, gradual unfreezing and per-layer learning-rate multipliers (fine-tuning).</summary>
    public FinetuneOptions Finetune { get; init; } = new();

    /// <summary>Random changes to every training batch, in order (config: data.augment); never applied to validation.</summary>
    public IReadOnlyList<AugmentationSpec> Augment { get; init; } = [];

    /// <summary>auto, cpu or cuda.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>libtorch's intra-op threads for this process (null: libtorch's default, one per core).</summary>
    public int? Threads { get; init; }

    public void Validate()
    {
        if (Epochs < 1) throw LatheException.BadConfig($"train.epochs must be at least 1, not {Epochs}.");
        if (MaxSteps is < 1) throw LatheException.BadConfig($"train.max_steps must be at least 1, not {MaxSteps}.");
        if (BatchSize < 1) throw LatheException.BadConfig($"train.batch_size must be at least 1, not {BatchSize}.");
        if (AccumulateBatches < 1) throw LatheException.BadConfig($"train.accumulate_batches must be at least 1, not {AccumulateBatches}.");
        if (ClipNorm is <= 0) throw LatheException.BadConfig("train.clip_norm must be positive.");
        if (ClipValue is <= 0) throw LatheException.BadConfig("train.clip_value must be positive.");
        if (Threads is < 1) throw LatheException.BadConfig($"train.threads must be at least 1, not {Threads}.");
        if (L1 < 0 || L2 < 0) throw LatheException.BadConfig("train.l1 and train.l2 must not be negative.");
        _ = Schedule.Create(stepsPerEpoch: 1); // checks the schedule's type and settings
        Optimizer.Validate();
        Finetune.Validate();
        for (var i = 0; i < Augment.Count; i++) Augment[i].Validate($"data.augment[{i}]");
    }
}
