namespace Lathe.Models.Trees;

/// <summary>Hyperparameters of a CART decision tree (scikit-learn's meanings and defaults).</summary>
public sealed record TreeOptions
{
    /// <summary>gini or entropy (classification), mse (regression); "auto" picks gini or mse.</summary>
    public string Criterion { get; init; } = "auto";

    /// <summary>Deepest level a node may have (null: grow until leaves are pure or too small).</summary>
    public int? MaxDepth { get; init; }

    /// <summary>A node with fewer rows is not split.</summary>
    public int MinSamplesSplit { get; init; } = 2;

    /// <summary>Each child of a split keeps at least this many rows.</summary>
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>Features tried per split: null (all), or a count; chosen at random per node with the fit's seed.</summary>
    public int? MaxFeatures { get; init; }

    /// <summary>Cost-complexity pruning strength (scikit-learn's ccp_alpha): 0 keeps the grown tree; larger prunes more.</summary>
    public double CcpAlpha { get; init; }

    public void Validate()
    {
        if (CcpAlpha < 0 || !double.IsFinite(CcpAlpha)) throw LatheException.BadConfig("model.ccp_alpha must be 0 or more.");
        if (Criterion is not ("auto" or "gini" or "entropy" or "mse"))
            throw LatheException.BadConfig($"model.criterion: '{Criterion}' is not one of auto, gini, entropy, mse.");
        if (MaxDepth is < 1) throw LatheException.BadConfig("model.max_depth must be at least 1.");
        if (MinSamplesSplit < 2) throw LatheException.BadConfig("model.min_samples_split must be at least 2.");
        if (MinSamplesLeaf < 1) throw LatheException.BadConfig("model.min_samples_leaf must be at least 1.");
        if (MaxFeatures is < 1) throw LatheException.BadConfig("model.max_features must be at least 1.");
    }
}
