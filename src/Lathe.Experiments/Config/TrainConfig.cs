namespace Lathe.Experiments.Config;

/// <summary>The train: section of the config (see docs/config.md and docs/training.md).</summary>
public sealed class TrainConfig
{
    public int Epochs { get; set; } = 100;

    /// <summary>Stop after this many optimizer steps, even mid-epoch.</summary>
    public long? MaxSteps { get; set; }

    public int BatchSize { get; set; } = 32;

    /// <summary>Batches whose gradients are added up before each optimizer step.</summary>
    public int AccumulateBatches { get; set; } = 1;

    public double? ClipNorm { get; set; }

    public double? ClipValue { get; set; }

    /// <summary>Explicit penalties on weight matrices and kernels.</summary>
    public double L1 { get; set; }

    public double L2 { get; set; }

    public OptimizerConfig Optimizer { get; set; } = new();

    public ScheduleConfig Schedule { get; set; } = new();

    public LossConfig Loss { get; set; } = new();

    /// <summary>Absent: train all epochs.</summary>
    public EarlyStoppingConfig? EarlyStopping { get; set; }

    public CheckpointConfig Checkpoint { get; set; } = new();

    /// <summary>auto, cpu or cuda.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>libtorch's threads for this run (default: one per core).</summary>
    public int? Threads { get; set; }

    /// <summary>Semi-supervised self-training rounds (docs/labeling.md); absent: rows without a target are an error.</summary>
    public SelfTrainingConfig? SelfTraining { get; set; }
}

public sealed class OptimizerConfig
{
    /// <summary>sgd, adam, adamw, rmsprop or adagrad.</summary>
    public string Type { get; set; } = "adam";

    public double Lr { get; set; } = 0.001;

    public double WeightDecay { get; set; }

    public double Momentum { get; set; }

    public bool Nesterov { get; set; }

    public double Beta1 { get; set; } = 0.9;

    public double Beta2 { get; set; } = 0.999;

    public double? Epsilon { get; set; }

    public double Alpha { get; set; } = 0.99;
}

public sealed class ScheduleConfig
{
    /// <summary>none, step, multistep, exponential, cosine, onecycle or plateau.</summary>
    public string Type { get; set; } = "none";

    public double WarmupEpochs { get; set; }

    public int StepSize { get; set; } = 30;

    public double Gamma { get; set; } = 0.1;

    public List<int> Milestones { get; set; } = [];

    public double MinLr { get; set; }

    public int? RestartEpochs { get; set; }

    public int CycleMultiplier { get; set; } = 1;

    public double PctStart { get; set; } = 0.3;

    public double DivFactor { get; set; } = 25;

    public double FinalDivFactor { get; set; } = 1e4;

    public string Monitor { get; set; } = "val_loss";

    public double Factor { get; set; } = 0.1;

    public int Patience { get; set; } = 10;
}

public sealed class LossConfig
{
    /// <summary>auto, cross_entropy, binary_cross_entropy, mse, mae or huber.</summary>
    public string Type { get; set; } = "auto";

    public double LabelSmoothing { get; set; }

    public Dictionary<string, double> ClassWeights { get; set; } = [];

    public double HuberDelta { get; set; } = 1.0;
}

public sealed class EarlyStoppingConfig
{
    public string Monitor { get; set; } = "val_loss";

    public int Patience { get; set; } = 10;

    public double MinDelta { get; set; }

    public bool RestoreBest { get; set; } = true;
}

/// <summary>Checkpoints go to the run folder's checkpoints/: last (every epoch), best, and epoch-N.</summary>
public sealed class CheckpointConfig
{
    /// <summary>Also keep checkpoints/epoch-N every this many epochs (0: never).</summary>
    public int EveryEpochs { get; set; }

    /// <summary>The metric that picks checkpoints/best.</summary>
    public string Monitor { get; set; } = "val_loss";
}
