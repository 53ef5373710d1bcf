namespace Lathe.Augmentation;

/// <summary>Replaces each token of a text (not the padding) with the unknown token, with probability <see cref="P"/>.</summary>
public sealed record TokenDropout : AugmentationSpec
{
    public const string TypeName = "token_dropout";

    public double P { get; init; } = 0.1;

    public override string Type => TypeName;

    public override IReadOnlyList<AugmentedInput> Inputs => [AugmentedInput.Text];

    public override void Validate(string field) => Probability(field, P);
}
