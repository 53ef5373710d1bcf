namespace Lathe.Metrics;

/// <summary>How per-class scores are combined into one number (scikit-learn's <c>average=</c>).</summary>
public enum MetricAverage
{
    /// <summary>Pool the counts of all classes, then score once (for single-label multiclass precision = recall = F1 = accuracy).</summary>
    Micro,
    /// <summary>Unweighted mean of the per-class scores.</summary>
    Macro,
    /// <summary>Mean of the per-class scores weighted by each class's number of true rows (its support).</summary>
    Weighted,
    /// <summary>Only the score of class index 1, the positive class of a two-class problem (scikit-learn's default "binary").</summary>
    Binary,
}
