namespace Lathe.Models.Clustering;

/// <summary>Gaussian mixture hyperparameters (scikit-learn's GaussianMixture defaults).</summary>
public sealed record GaussianMixtureOptions
{
    /// <summary>Number of Gaussian components (clusters).</summary>
    public int Components { get; init; } = 1;

    /// <summary>full (each component its own covariance matrix), diag (per-feature variances) or spherical (one variance).</summary>
    public string Covariance { get; init; } = "full";

    /// <summary>Most EM steps per start.</summary>
    public int MaxIter { get; init; } = 100;

    /// <summary>Stop when the mean log-likelihood changes by less than this between EM steps.</summary>
    public double Tol { get; init; } = 1e-3;

    /// <summary>Added to every covariance's diagonal, so that no component collapses onto a point.</summary>
    public double RegCovar { get; init; } = 1e-6;

    /// <summary>Independent starts (each from its own k-means); the one with the highest likelihood is kept.</summary>
    public int Inits { get; init; } = 1;

    public void Validate()
    {
        if (Components < 1) throw LatheException.BadConfig($"model.components must be at least 1 (it is {Components}).");
        if (Covariance is not ("full" or "diag" or "spherical"))
            throw LatheException.BadConfig($"model.covariance: '{Covariance}' is not full, diag or spherical.");
        if (MaxIter < 1) throw LatheException.BadConfig($"model.max_iter must be at least 1 (it is {MaxIter}).");
        if (!(Tol >= 0) || double.IsInfinity(Tol)) throw LatheException.BadConfig($"model.tol must be a number of at least 0 (it is {Tol}).");
        if (!(RegCovar >= 0) || double.IsInfinity(RegCovar)) throw LatheException.BadConfig($"model.reg_covar must be a number of at least 0 (it is {RegCovar}).");
        if (Inits < 1) throw LatheException.BadConfig($"model.inits must be at least 1 (it is {Inits}).");
    }
}
