namespace Lathe.Augmentation;

/// <summary>Scales an image's pixels about the image's mean by a factor drawn uniformly from [1 − <see cref="Factor"/>, 1 + <see cref="Factor"/>].</summary>
public sealed record Contrast : AugmentationSpec
{
    public const string TypeName = "contrast";

    public double Factor { get; init; } = 0.2;

    public override string Type => TypeName;

    public override IReadOnlyList<AugmentedInput> Inputs => [AugmentedInput.Image];

    public override void Validate(string field)
    {
        if (!(Factor is > 0 and < 1)) throw LatheException.BadConfig($"{field}.factor must be in (0, 1), not {Factor}; 0.2 scales contrast by 0.8 to 1.2.");
    }
}
