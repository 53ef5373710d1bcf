namespace Lathe.Augmentation;

/// <summary>
/// Mixup (Zhang et al. 2018): blends every row of a batch with another row of the same batch,
/// λ·a + (1 − λ)·b for inputs and targets alike (class targets as one-hot probabilities), with one λ per
/// batch drawn from Beta(<see cref="Alpha"/>, <see cref="Alpha"/>).
/// </summary>
public sealed record Mixup : AugmentationSpec
{
    public const string TypeName = "mixup";

    public double Alpha { get; init; } = 0.2;

    public override string Type => TypeName;

    public override IReadOnlyList<AugmentedInput> Inputs => [AugmentedInput.Image, AugmentedInput.Numeric];

    public override void Validate(string field) =>
        Positive(field, "alpha", Alpha, "0.2 mixes mildly, 1 draws λ uniformly");
}
