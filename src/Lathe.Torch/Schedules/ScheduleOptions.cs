namespace Lathe.Torch.Schedules;

/// <summary>The learning-rate schedule of a run; which fields matter depends on <see cref="Type"/>.</summary>
public sealed record ScheduleOptions
{
    public static readonly string[] Types = ["none", "step", "multistep", "exponential", "cosine", "onecycle", "plateau"];

    public string Type { get; init; } = "none";

    /// <summary>Epochs of linear warmup before the schedule starts (any type but onecycle, which warms up itself).</summary>
    public double WarmupEpochs { get; init; }

    /// <summary>step: epochs between decays.</summary>
    public int StepSize { get; init; } = 30;

    /// <summary>step, multistep, exponential: the decay factor.</summary>
    public double Gamma { get; init; } = 0.1;

    /// <summary>multistep: epochs at which the rate is multiplied by gamma.</summary>
    public IReadOnlyList<int> Milestones { get; init; } = [];

    /// <summary>cosine and plateau: the lowest rate.</summary>
    public double MinLr { get; init; }

    /// <summary>cosine: length of the first cycle in epochs for warm restarts (none: one cosine over the run).</summary>
    public int? RestartEpochs { get; init; }

    /// <summary>cosine with restarts: each cycle is this many times longer than the previous one.</summary>
    public int CycleMultiplier { get; init; } = 1;

    /// <summary>onecycle: share of the steps spent rising to the peak (the optimizer's lr).</summary>
    public double PctStart { get; init; } = 0.3;

    public double DivFactor { get; init; } = 25;

    public double FinalDivFactor { get; init; } = 1e4;

    /// <summary>plateau: the metric watched, the factor applied and the epochs waited.</summary>
    public string Monitor { get; init; } = "val_loss";

    public double Factor { get; init; } = 0.1;

    public int Patience { get; init; } = 10;

    /// <summary>Builds the schedule; <paramref name="stepsPerEpoch"/> converts warmup epochs to steps.</summary>
    public ILearningRateSchedule Create(long stepsPerEpoch)
    {
        ILearningRateSchedule schedule = Type switch
        {
            "none" => new ConstantSchedule(),
            "step" => new StepSchedule(StepSize, Gamma),
            "multistep" => Milestones.Count > 0
                ? new MultiStepSchedule(Milestones, Gamma)
                : throw LatheException.BadConfig("train.schedule.milestones must list at least one epoch for multistep."),
            "exponential" => new ExponentialSchedule(Gamma),
            "cosine" => new CosineAnnealingSchedule(MinLr, RestartEpochs, CycleMultiplier),
            "onecycle" => new OneCycleSchedule(PctStart, DivFactor, FinalDivFactor),
            "plateau" => new ReduceOnPlateauSchedule(Monitor, Factor, Patience, MinLr),
            _ => throw LatheException.BadConfig($"train.schedule.type: '{Type}' is not one of {string.Join(", ", Types)}."),
        };
        if (WarmupEpochs < 0) throw LatheException.BadConfig("train.schedule.warmup_epochs must not be negative.");
        if (WarmupEpochs > 0 && Type == "onecycle")
            throw LatheException.BadConfig("train.schedule.warmup_epochs does not apply to onecycle, which warms up by itself (pct_start).");
        var warmupSteps = (long)Math.Round(WarmupEpochs * stepsPerEpoch);
        return warmupSteps > 0 ? new LinearWarmupSchedule(warmupSteps, schedule) : schedule;
    }
}
