namespace Lathe.Augmentation;

/// <summary>Mirrors an image left to right with probability <see cref="P"/>.</summary>
public sealed record FlipHorizontal : AugmentationSpec
{
    public const string TypeName = "flip_horizontal";

    public double P { get; init; } = 0.5;

    public override string Type => TypeName;

    public override IReadOnlyList<AugmentedInput> Inputs => [AugmentedInput.Image];

    public override void Validate(string field) => Probability(field, P);
}
