namespace Lathe.Augmentation;

/// <summary>Swaps a token with the next one (both inside the text), with probability <see cref="P"/> per position; a swapped pair is not swapped again.</summary>
public sealed record TokenSwap : AugmentationSpec
{
    public const string TypeName = "token_swap";

    public double P { get; init; } = 0.1;

    public override string Type => TypeName;

    public override IReadOnlyList<AugmentedInput> Inputs => [AugmentedInput.Text];

    public override void Validate(string field) => Probability(field, P);
}
