namespace Lathe.Augmentation;

/// <summary>Adds one value drawn uniformly from [-<see cref="Delta"/>, <see cref="Delta"/>] to every pixel of an image.</summary>
public sealed record Brightness : AugmentationSpec
{
    public const string TypeName = "brightness";

    public double Delta { get; init; } = 0.2;

    public override string Type => TypeName;

    public override IReadOnlyList<AugmentedInput> Inputs => [AugmentedInput.Image];

    public override void Validate(string field) => Positive(field, "delta", Delta, "it is the largest shift, in the units of the network's input");
}
