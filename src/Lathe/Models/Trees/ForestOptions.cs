namespace Lathe.Models.Trees;

/// <summary>Hyperparameters of a random forest (scikit-learn's meanings and defaults).</summary>
public sealed record ForestOptions
{
    public int Trees { get; init; } = 100;

    /// <summary>The options of every tree; MaxFeatures null means √features (classification) or all (regression).</summary>
    public TreeOptions Tree { get; init; } = new();

    /// <summary>Train each tree on a bootstrap sample (rows drawn with replacement); off: every tree sees all rows.</summary>
    public bool Bootstrap { get; init; } = true;

    public void Validate()
    {
        if (Trees < 1) throw LatheException.BadConfig("model.trees must be at least 1.");
        Tree.Validate();
    }
}
