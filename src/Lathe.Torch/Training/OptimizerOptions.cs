namespace Lathe.Torch.Training;

/// <summary>Which optimizer updates the weights, and its settings (torch.optim's meanings and defaults).</summary>
public sealed record OptimizerOptions
{
    public static readonly string[] Types = ["sgd", "adam", "adamw", "rmsprop", "adagrad"];

    /// <summary>sgd, adam, adamw, rmsprop or adagrad.</summary>
    public string Type { get; init; } = "adam";

    public double LearningRate { get; init; } = 0.001;

    /// <summary>
    /// Weight decay. For adamw it is decoupled from the gradient (Loshchilov &amp; Hutter 2019); for the
    /// others it is the L2 gradient term torch.optim adds.
    /// </summary>
    public double WeightDecay { get; init; }

    /// <summary>Momentum for sgd and rmsprop.</summary>
    public double Momentum { get; init; }

    /// <summary>Nesterov momentum for sgd (needs momentum &gt; 0).</summary>
    public bool Nesterov { get; init; }

    /// <summary>Adam/AdamW moment decay rates.</summary>
    public double Beta1 { get; init; } = 0.9;

    public double Beta2 { get; init; } = 0.999;

    /// <summary>Term added to denominators for numerical stability (adam, adamw, rmsprop, adagrad).</summary>
    public double? Epsilon { get; init; }

    /// <summary>RMSprop's smoothing constant.</summary>
    public double Alpha { get; init; } = 0.99;

    public void Validate()
    {
        if (!Types.Contains(Type))
            throw LatheException.BadConfig($"train.optimizer.type: '{Type}' is not one of {string.Join(", ", Types)}.");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw LatheException.BadConfig($"train.optimizer.lr must be a positive number, not {LearningRate}.");
        if (WeightDecay < 0) throw LatheException.BadConfig("train.optimizer.weight_decay must not be negative.");
        if (Momentum is < 0 or >= 1) throw LatheException.BadConfig("train.optimizer.momentum must be in [0, 1).");
        if (Nesterov && (Type != "sgd" || Momentum <= 0))
            throw LatheException.BadConfig("train.optimizer.nesterov needs type sgd and a momentum above 0.");
        if (Beta1 is < 0 or >= 1 || Beta2 is < 0 or >= 1) throw LatheException.BadConfig("train.optimizer.beta1 and beta2 must be in [0, 1).");
        if (Alpha is < 0 or >= 1) throw LatheException.BadConfig("train.optimizer.alpha must be in [0, 1).");
        if (Epsilon is <= 0) throw LatheException.BadConfig("train.optimizer.epsilon must be positive.");
    }
}
