namespace Lathe.Synthetic;

/// <summary>Settings of <see cref="Generators.Moons"/>: two interleaving half circles in two dimensions.</summary>
public sealed record MoonsOptions
{
    public int Rows { get; init; } = 100;

    /// <summary>Standard deviation of the Gaussian noise added to each coordinate.</summary>
    public double Noise { get; init; } = 0.1;

    public void Validate()
    {
        if (Rows < 2) throw LatheException.BadConfig($"rows must be at least 2 for two moons, not {Rows}.");
        if (Noise < 0) throw LatheException.BadConfig($"noise must be 0 or more, not {Noise}.");
    }
}
