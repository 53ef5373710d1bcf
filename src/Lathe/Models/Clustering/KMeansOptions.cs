namespace Lathe.Models.Clustering;

/// <summary>k-means hyperparameters (scikit-learn's KMeans defaults).</summary>
public sealed record KMeansOptions
{
    /// <summary>Number of clusters (k).</summary>
    public int Clusters { get; init; } = 8;

    /// <summary>Independent k-means++ starts; the one with the lowest inertia is kept (scikit-learn's n_init).</summary>
    public int Inits { get; init; } = 10;

    /// <summary>Most Lloyd iterations per start.</summary>
    public int MaxIter { get; init; } = 300;

    /// <summary>
    /// Stop when the centres move less than this in total (sum of squared shifts), relative to the data's
    /// mean feature variance, as scikit-learn's tol.
    /// </summary>
    public double Tol { get; init; } = 1e-4;

    public void Validate()
    {
        if (Clusters < 1) throw LatheException.BadConfig($"model.clusters must be at least 1 (it is {Clusters}).");
        if (Inits < 1) throw LatheException.BadConfig($"model.inits must be at least 1 (it is {Inits}).");
        if (MaxIter < 1) throw LatheException.BadConfig($"model.max_iter must be at least 1 (it is {MaxIter}).");
        if (!(Tol >= 0) || double.IsInfinity(Tol)) throw LatheException.BadConfig($"model.tol must be a number of at least 0 (it is {Tol}).");
    }
}
