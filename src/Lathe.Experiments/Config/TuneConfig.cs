namespace Lathe.Experiments.Config;

/// <summary>The tune: section, used by `lathe tune` (see docs/tuning.md). `lathe train` ignores it.</summary>
public sealed class TuneConfig
{
    /// <summary>Trials of the study in total, across all workers and resumed sessions.</summary>
    public int Trials { get; set; } = 20;

    /// <summary>grid, random or tpe.</summary>
    public string Sampler { get; set; } = "tpe";

    /// <summary>none, median, asha or hyperband.</summary>
    public string Pruner { get; set; } = "none";

    /// <summary>What to optimize: val_&lt;metric&gt; (validation scores, e.g. val_accuracy), or a metric reported per epoch (val_loss).</summary>
    public string Metric { get; set; } = "val_loss";

    /// <summary>minimize or maximize; absent: minimize for losses and errors, maximize otherwise.</summary>
    public string? Direction { get; set; }

    /// <summary>memory, sqlite (runs/lathe.db), sqlite:PATH, or a PostgreSQL URL.</summary>
    public string Storage { get; set; } = "sqlite";

    /// <summary>Study name; absent: the config's name.</summary>
    public string? Study { get; set; }

    /// <summary>Seed of the sampler; absent: the config's seed.</summary>
    public int? Seed { get; set; }

    /// <summary>TPE: trials drawn at random before it models the results.</summary>
    public int StartupTrials { get; set; } = 10;

    /// <summary>
    /// median: completed trials before it prunes (absent: 5); asha/hyperband: trials that reach a rung before it
    /// prunes there (absent: asha 3, hyperband 0 — measured in docs/benchmarks.md §9). warmup_steps (median): the
    /// first steps of a trial it never judges.
    /// </summary>
    public int? PrunerStartupTrials { get; set; }
    public int WarmupSteps { get; set; }

    /// <summary>asha/hyperband: the first rung's step, the reduction factor η, and (hyperband) the largest step (absent: train.epochs).</summary>
    public int MinResource { get; set; } = 1;
    public int ReductionFactor { get; set; } = 3;
    public int? MaxResource { get; set; }

    /// <summary>Seconds between a trial's heartbeats, and silence after which another worker takes it for dead.</summary>
    public double HeartbeatSeconds { get; set; } = 5;
    public double GraceSeconds { get; set; } = 60;

    /// <summary>
    /// What a trial's error (a bad config or data for that trial's params) does: stop — the search ends with the
    /// error (the default) — or skip — the trial is recorded as failed and the search goes on. model.type auto skips unless set.
    /// </summary>
    public string? FailedTrials { get; set; }

    /// <summary>Params to search: dotted config keys (as for --set) to a range or a list of choices.</summary>
    public Dictionary<string, TuneParamConfig> Space { get; set; } = [];
}

/// <summary>
/// One param's values: exactly one of uniform: [low, high], loguniform: [low, high], int: [low, high] or
/// choice: [...]; step: for uniform and int; log: true for int; when: { key: value } to use it only when another
/// param of the space has that value.
/// </summary>
public sealed class TuneParamConfig
{
    public List<double>? Uniform { get; set; }
    public List<double>? Loguniform { get; set; }
    public List<long>? Int { get; set; }
    public List<object?>? Choice { get; set; }
    public double? Step { get; set; }
    public bool Log { get; set; }
    public Dictionary<string, object?>? When { get; set; }
}
