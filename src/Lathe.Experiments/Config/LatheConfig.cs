namespace Lathe.Experiments.Config;

/// <summary>
/// The config file (see docs/config.md). Keys are snake_case in YAML. Every class here is validated by
/// <see cref="ConfigLoader"/>: unknown keys and wrong types are errors with line and column.
/// </summary>
public sealed class LatheConfig
{
    /// <summary>Run name; the run folder is runs/&lt;name&gt;-&lt;yyyyMMdd-HHmmss&gt;.</summary>
    public string Name { get; set; } = "run";

    public int Seed { get; set; } = 42;

    public DataConfig Data { get; set; } = new();

    public ModelConfig Model { get; set; } = new();

    public TrainConfig Train { get; set; } = new();
}

public sealed class DataConfig
{
    /// <summary>One file to split into train/validation/test.</summary>
    public string? Path { get; set; }

    /// <summary>For IDX data: the label file that goes with <see cref="Path"/>.</summary>
    public string? Labels { get; set; }

    /// <summary>Separate files instead of <see cref="Path"/>; a part without a file is split off the training file.</summary>
    public string? Train { get; set; }
    public string? TrainLabels { get; set; }
    public string? Validation { get; set; }
    public string? ValidationLabels { get; set; }
    public string? Test { get; set; }
    public string? TestLabels { get; set; }

    /// <summary>auto (by file extension), csv, tsv or idx.</summary>
    public string Format { get; set; } = "auto";

    public string? Target { get; set; }

    /// <summary>auto, classification or regression.</summary>
    public string Task { get; set; } = "auto";

    /// <summary>Per-column overrides: numeric, categorical, text or ignore.</summary>
    public Dictionary<string, string> Columns { get; set; } = [];

    public SplitConfig Split { get; set; } = new();
}

public sealed class SplitConfig
{
    /// <summary>holdout or stratified (stratified falls back to holdout for regression).</summary>
    public string Method { get; set; } = "stratified";

    public double Validation { get; set; } = 0.15;

    public double Test { get; set; } = 0.15;
}

public sealed class ModelConfig
{
    /// <summary>mlp (the other model families are not built yet).</summary>
    public string Type { get; set; } = "mlp";

    public List<int> Hidden { get; set; } = [64, 32];

    public double Dropout { get; set; }
}

public sealed class TrainConfig
{
    public int Epochs { get; set; } = 100;

    public int BatchSize { get; set; } = 32;

    public OptimizerConfig Optimizer { get; set; } = new();

    /// <summary>Absent: train all epochs.</summary>
    public EarlyStoppingConfig? EarlyStopping { get; set; }

    /// <summary>auto, cpu or cuda.</summary>
    public string Device { get; set; } = "auto";
}

public sealed class OptimizerConfig
{
    /// <summary>sgd or adam.</summary>
    public string Type { get; set; } = "adam";

    public double Lr { get; set; } = 0.001;

    public double WeightDecay { get; set; }

    public double Momentum { get; set; }
}

public sealed class EarlyStoppingConfig
{
    public string Monitor { get; set; } = "val_loss";

    public int Patience { get; set; } = 10;

    public double MinDelta { get; set; }

    public bool RestoreBest { get; set; } = true;
}
