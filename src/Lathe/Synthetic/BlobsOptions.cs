namespace Lathe.Synthetic;

/// <summary>Settings of <see cref="Generators.Blobs"/>: isotropic Gaussian blobs around random centres.</summary>
public sealed record BlobsOptions
{
    public int Rows { get; init; } = 100;

    public int Features { get; init; } = 2;

    /// <summary>Number of blobs (each its own class); centres are uniform in [-<see cref="CenterBox"/>, <see cref="CenterBox"/>] per feature.</summary>
    public int Centers { get; init; } = 3;

    public double CenterBox { get; init; } = 10.0;

    /// <summary>Standard deviation of each blob around its centre.</summary>
    public double Spread { get; init; } = 1.0;

    public void Validate()
    {
        Generators.Positive(Rows, "rows");
        Generators.Positive(Features, "features");
        Generators.Positive(Centers, "centers");
        if (CenterBox <= 0) throw LatheException.BadConfig($"center_box must be above 0, not {CenterBox}.");
        if (Spread < 0) throw LatheException.BadConfig($"spread must be 0 or more, not {Spread}.");
    }
}
