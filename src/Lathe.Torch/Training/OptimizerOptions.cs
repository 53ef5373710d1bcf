namespace Lathe.Torch.Training;

/// <summary>Which optimizer updates the weights, and its settings.</summary>
public sealed record OptimizerOptions
{
    /// <summary>sgd or adam.</summary>
    public string Type { get; init; } = "adam";

    public double LearningRate { get; init; } = 0.001;

    /// <summary>L2 penalty added by the optimizer (coupled, as in torch.optim).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Momentum for SGD; ignored by Adam.</summary>
    public double Momentum { get; init; }

    public void Validate()
    {
        if (Type is not ("sgd" or "adam"))
            throw LatheException.BadConfig($"train.optimizer.type: '{Type}' is not available; use sgd or adam.");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw LatheException.BadConfig($"train.optimizer.lr must be a positive number, not {LearningRate}.");
        if (WeightDecay < 0) throw LatheException.BadConfig("train.optimizer.weight_decay must not be negative.");
        if (Momentum is < 0 or >= 1) throw LatheException.BadConfig("train.optimizer.momentum must be in [0, 1).");
    }
}
