namespace Lathe.Augmentation;

/// <summary>Adds independent Gaussian noise of standard deviation <see cref="Std"/> to every input value (pixels or numeric features).</summary>
public sealed record GaussianNoise : AugmentationSpec
{
    public const string TypeName = "gaussian_noise";

    public double Std { get; init; } = 0.1;

    public override string Type => TypeName;

    public override IReadOnlyList<AugmentedInput> Inputs => [AugmentedInput.Image, AugmentedInput.Numeric];

    public override void Validate(string field) =>
        Positive(field, "std", Std, "inputs are standardized, so 0.1 is a tenth of a feature's spread");
}
