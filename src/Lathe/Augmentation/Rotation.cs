namespace Lathe.Augmentation;

/// <summary>Rotates an image about its center by an angle drawn uniformly from [-<see cref="Degrees"/>, <see cref="Degrees"/>] (bilinear, zeros outside).</summary>
public sealed record Rotation : AugmentationSpec
{
    public const string TypeName = "rotation";

    public double Degrees { get; init; } = 15;

    public override string Type => TypeName;

    public override IReadOnlyList<AugmentedInput> Inputs => [AugmentedInput.Image];

    public override void Validate(string field)
    {
        if (!(Degrees is > 0 and <= 180)) throw LatheException.BadConfig($"{field}.degrees must be in (0, 180], not {Degrees}; small angles such as 10 suit most images.");
    }
}
