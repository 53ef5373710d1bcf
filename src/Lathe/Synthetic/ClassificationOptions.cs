namespace Lathe.Synthetic;

/// <summary>
/// Settings of <see cref="Generators.Classification"/>: Gaussian clusters of points placed on the vertices
/// of a hypercube in the informative dimensions, as scikit-learn's make_classification does.
/// </summary>
public sealed record ClassificationOptions
{
    public int Rows { get; init; } = 100;

    /// <summary>All feature columns: informative + redundant + pure noise.</summary>
    public int Features { get; init; } = 20;

    /// <summary>Dimensions in which the classes differ. Null: 2, or enough for classes × clusters to get a hypercube vertex each.</summary>
    public int? Informative { get; init; }

    /// <summary>Random linear combinations of the informative features. Null: 2, or fewer when the features run out.</summary>
    public int? Redundant { get; init; }

    /// <summary><see cref="Informative"/> with its default worked out.</summary>
    public int InformativeCount => Informative ?? Math.Max(2, (int)Math.Ceiling(Math.Log2(Math.Max(1, Classes * ClustersPerClass))));

    /// <summary><see cref="Redundant"/> with its default worked out.</summary>
    public int RedundantCount => Redundant ?? Math.Clamp(Features - InformativeCount, 0, 2);

    public int Classes { get; init; } = 2;

    /// <summary>Gaussian clusters each class is made of; classes × clusters must fit on the 2^informative vertices.</summary>
    public int ClustersPerClass { get; init; } = 2;

    /// <summary>Half the side of the hypercube: larger spreads the clusters apart and makes the task easier.</summary>
    public double ClassSeparation { get; init; } = 1.0;

    /// <summary>Share of rows per class (normalized to sum to 1), e.g. [0.95, 0.05] for an imbalanced task; null: equal shares.</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>Share of rows whose label is replaced by a random class (noise a model cannot learn).</summary>
    public double LabelNoise { get; init; } = 0.01;

    public void Validate()
    {
        Generators.Positive(Rows, "rows");
        Generators.Positive(Features, "features");
        Generators.Positive(InformativeCount, "informative");
        if (RedundantCount < 0) throw LatheException.BadConfig($"redundant must be 0 or more, not {RedundantCount}.");
        if (InformativeCount + RedundantCount > Features)
            throw LatheException.BadConfig($"informative ({InformativeCount}) + redundant ({RedundantCount}) exceed features ({Features}); raise features.");
        if (Classes < 2) throw LatheException.BadConfig($"classes must be at least 2, not {Classes}.");
        Generators.Positive(ClustersPerClass, "clusters_per_class");
        if (InformativeCount < 31 && Classes * ClustersPerClass > 1 << InformativeCount)
            throw LatheException.BadConfig($"classes × clusters_per_class ({Classes * ClustersPerClass}) must not exceed 2^informative ({1 << InformativeCount}); raise informative.");
        if (ClassSeparation <= 0) throw LatheException.BadConfig($"class_separation must be above 0, not {ClassSeparation}.");
        if (Weights is { } weights && (weights.Count != Classes || weights.Any(w => !(w > 0))))
            throw LatheException.BadConfig($"weights must give a share above 0 for each of the {Classes} classes, not [{string.Join(", ", weights)}].");
        if (LabelNoise is < 0 or > 1) throw LatheException.BadConfig($"label_noise must be in [0, 1], not {LabelNoise}.");
    }
}
