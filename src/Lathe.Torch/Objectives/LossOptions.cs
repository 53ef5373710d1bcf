namespace Lathe.Torch.Objectives;

/// <summary>Which loss to train on. "auto" picks cross-entropy for classification and MSE for regression.</summary>
public sealed record LossOptions
{
    /// <summary>auto, cross_entropy, binary_cross_entropy (two classes, one output), mse, mae, huber.</summary>
    public string Type { get; init; } = "auto";

    /// <summary>Cross-entropy only: share of the target probability spread over all classes (Szegedy et al. 2016).</summary>
    public double LabelSmoothing { get; init; }

    /// <summary>Cross-entropy only: a weight per class name, for imbalanced classes (missing classes weigh 1).</summary>
    public IReadOnlyDictionary<string, double> ClassWeights { get; init; } = new Dictionary<string, double>();

    /// <summary>Huber only: where the loss turns from quadratic to linear.</summary>
    public double HuberDelta { get; init; } = 1.0;

    public static readonly string[] Types = ["auto", "cross_entropy", "binary_cross_entropy", "mse", "mae", "huber"];

    public void Validate()
    {
        if (!Types.Contains(Type)) throw LatheException.BadConfig($"train.loss.type: '{Type}' is not one of {string.Join(", ", Types)}.");
        if (LabelSmoothing is < 0 or >= 1) throw LatheException.BadConfig("train.loss.label_smoothing must be in [0, 1).");
        if (HuberDelta <= 0) throw LatheException.BadConfig("train.loss.huber_delta must be positive.");
        foreach (var (name, weight) in ClassWeights)
            if (!(weight > 0)) throw LatheException.BadConfig($"train.loss.class_weights.{name} must be positive.");
    }
}
