namespace Lathe.Experiments.Config;

/// <summary>
/// train.self_training: semi-supervised learning from rows without a target (docs/labeling.md). The
/// unlabeled rows are those of the training file whose target is empty, plus data.unlabeled.
/// </summary>
public sealed class SelfTrainingConfig
{
    /// <summary>Most pseudo-labelling rounds.</summary>
    public int Rounds { get; set; } = 3;

    /// <summary>A row is pseudo-labelled when its predicted class's probability is at least this (above 1: never).</summary>
    public double MinConfidence { get; set; } = 0.9;

    /// <summary>At most this share of the unlabeled rows is added per round, the most confident first.</summary>
    public double MaxShare { get; set; } = 1.0;
}
