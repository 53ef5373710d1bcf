namespace Lathe.Models.Clustering;

/// <summary>DBSCAN hyperparameters (scikit-learn's defaults).</summary>
public sealed record DbscanOptions
{
    /// <summary>Neighbourhood radius (Euclidean, in the prepared units: after scaling when the preparation scales).</summary>
    public double Eps { get; init; } = 0.5;

    /// <summary>Rows within eps (the row itself included) that make a row a core point.</summary>
    public int MinSamples { get; init; } = 5;

    public void Validate()
    {
        if (!(Eps > 0) || double.IsInfinity(Eps)) throw LatheException.BadConfig($"model.eps must be a number above 0 (it is {Eps}).");
        if (MinSamples < 1) throw LatheException.BadConfig($"model.min_samples must be at least 1 (it is {MinSamples}).");
    }
}
