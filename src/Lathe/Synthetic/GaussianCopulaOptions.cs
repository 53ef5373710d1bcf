namespace Lathe.Synthetic;

/// <summary>Settings of <see cref="GaussianCopulaSynthesizer"/>.</summary>
public sealed record GaussianCopulaOptions
{
    /// <summary>
    /// A class column: one copula is fitted per class (so each class keeps its own distributions and
    /// correlations) and classes are sampled in their shares. Null: one copula for all rows.
    /// </summary>
    public string? Target { get; init; }

    /// <summary>Smallest shrinkage of the correlation matrix towards the identity, keeping it positive definite.</summary>
    public double Ridge { get; init; } = 1e-6;

    /// <summary>A numeric target with at most this many distinct values is taken as class labels.</summary>
    public int MaxTargetClasses { get; init; } = 50;

    public void Validate()
    {
        if (Ridge is < 0 or >= 1) throw LatheException.BadConfig($"ridge must be in [0, 1), not {Ridge}.");
        if (Target is "") throw LatheException.BadConfig("target must name a column, or be left out.");
    }
}
