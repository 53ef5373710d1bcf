namespace Lathe.SemiSupervised;

/// <summary>How <see cref="SelfTraining"/> grows the training set with its own confident predictions.</summary>
public sealed record SelfTrainingOptions
{
    /// <summary>Most pseudo-labelling rounds; each fits a model and adds the unlabeled rows it is confident about.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>
    /// A row is added only when the predicted class's probability is at least this. Above 1 nothing is ever
    /// confident, which gives exactly the labelled-only model.
    /// </summary>
    public double MinConfidence { get; init; } = 0.9;

    /// <summary>At most this share of the unlabeled rows is added per round, the most confident first (1: no cap).</summary>
    public double MaxShare { get; init; } = 1.0;

    public void Validate()
    {
        if (Rounds < 1) throw LatheException.BadConfig($"train.self_training.rounds must be at least 1, not {Rounds}.");
        if (double.IsNaN(MinConfidence) || MinConfidence < 0)
            throw LatheException.BadConfig($"train.self_training.min_confidence must be at least 0 (a probability; above 1 adds nothing), not {MinConfidence}.");
        if (MaxShare is <= 0 or > 1 || double.IsNaN(MaxShare))
            throw LatheException.BadConfig($"train.self_training.max_share must be in (0, 1], not {MaxShare}.");
    }
}
