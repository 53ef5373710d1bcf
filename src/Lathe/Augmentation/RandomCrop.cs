namespace Lathe.Augmentation;

/// <summary>
/// Pads an image with <see cref="Padding"/> zeros on every side, then cuts a window of the original size
/// at a random place: the content shifts by up to <see cref="Padding"/> pixels each way.
/// </summary>
public sealed record RandomCrop : AugmentationSpec
{
    public const string TypeName = "random_crop";

    public int Padding { get; init; } = 4;

    public override string Type => TypeName;

    public override IReadOnlyList<AugmentedInput> Inputs => [AugmentedInput.Image];

    public override void Validate(string field)
    {
        if (Padding < 1) throw LatheException.BadConfig($"{field}.padding must be at least 1 pixel, not {Padding}.");
    }
}
