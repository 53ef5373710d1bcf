namespace Lathe.Torch.Transfer;

/// <summary>
/// Which parameters train, and how fast, when fine-tuning: frozen by name pattern or by depth, unfrozen
/// gradually, and learning-rate multipliers per parameter pattern (discriminative learning rates).
/// </summary>
public sealed record FinetuneOptions
{
    /// <summary>Parameter name patterns to freeze (see <see cref="ParameterPattern"/>).</summary>
    public IReadOnlyList<string> Freeze { get; init; } = [];

    /// <summary>Freeze the first N layers (modules that own parameters, counted from the input).</summary>
    public int FreezeDepth { get; init; }

    /// <summary>
    /// Gradual unfreezing (Howard &amp; Ruder 2018): every this many epochs, the frozen layer nearest the
    /// output starts training too (0: frozen layers stay frozen).
    /// </summary>
    public int UnfreezeEvery { get; init; }

    /// <summary>Learning-rate multiplier per parameter pattern; the first matching pattern wins, others get 1.</summary>
    public IReadOnlyDictionary<string, double> LrMultipliers { get; init; } = new Dictionary<string, double>();

    public bool IsEmpty => Freeze.Count == 0 && FreezeDepth == 0 && LrMultipliers.Count == 0;

    public void Validate()
    {
        if (FreezeDepth < 0) throw LatheException.BadConfig("finetune.freeze_depth must not be negative.");
        if (UnfreezeEvery < 0) throw LatheException.BadConfig("finetune.unfreeze_every must not be negative.");
        foreach (var (pattern, multiplier) in LrMultipliers)
            if (!(multiplier >= 0) || !double.IsFinite(multiplier))
                throw LatheException.BadConfig($"finetune.lr_multipliers.{pattern} must be a number ≥ 0.");
        foreach (var pattern in Freeze.Concat(LrMultipliers.Keys)) _ = new ParameterPattern(pattern);
    }
}
