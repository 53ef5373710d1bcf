namespace Lathe.Synthetic;

/// <summary>Settings of <see cref="Generators.Regression"/>: a linear target of standard-normal features plus noise.</summary>
public sealed record RegressionOptions
{
    public int Rows { get; init; } = 100;

    public int Features { get; init; } = 10;

    /// <summary>Features with a non-zero coefficient (the first ones); the rest are noise the target ignores. Null: all features.</summary>
    public int? Informative { get; init; }

    /// <summary>Standard deviation of the Gaussian noise added to the target (0: an exact linear relation).</summary>
    public double Noise { get; init; }

    /// <summary>The target's intercept.</summary>
    public double Bias { get; init; }

    public void Validate()
    {
        Generators.Positive(Rows, "rows");
        Generators.Positive(Features, "features");
        if (Informative is < 0 || Informative > Features)
            throw LatheException.BadConfig($"informative must be between 0 and features ({Features}), not {Informative}.");
        if (Noise < 0) throw LatheException.BadConfig($"noise must be 0 or more, not {Noise}.");
    }
}
