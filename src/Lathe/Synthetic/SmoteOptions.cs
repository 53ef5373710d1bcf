namespace Lathe.Synthetic;

/// <summary>Settings of <see cref="Smote"/>.</summary>
public sealed record SmoteOptions
{
    /// <summary>Nearest same-class neighbours a synthetic row may be interpolated towards.</summary>
    public int K { get; init; } = 5;

    /// <summary>Each smaller class grows to this share of the largest class's row count (1: all classes equal); classes are never shrunk.</summary>
    public double Ratio { get; init; } = 1.0;

    /// <param name="field">How the caller names these settings in messages, e.g. "data.balance".</param>
    public void Validate(string field = "smote")
    {
        if (K < 1) throw LatheException.BadConfig($"{field}.k must be at least 1, not {K}.");
        if (Ratio is <= 0 or > 1) throw LatheException.BadConfig($"{field}.ratio must be in (0, 1], not {Ratio}.");
    }
}
