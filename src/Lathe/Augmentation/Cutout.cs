namespace Lathe.Augmentation;

/// <summary>Sets <see cref="Count"/> squares of <see cref="Size"/>×<see cref="Size"/> pixels (all channels) to zero, each at a random place inside the image.</summary>
public sealed record Cutout : AugmentationSpec
{
    public const string TypeName = "cutout";

    public int Size { get; init; } = 8;

    public int Count { get; init; } = 1;

    public override string Type => TypeName;

    public override IReadOnlyList<AugmentedInput> Inputs => [AugmentedInput.Image];

    public override void Validate(string field)
    {
        if (Size < 1) throw LatheException.BadConfig($"{field}.size must be at least 1 pixel, not {Size}.");
        if (Count < 1) throw LatheException.BadConfig($"{field}.count must be at least 1, not {Count}.");
    }
}
