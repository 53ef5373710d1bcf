namespace Lathe.Models.Linear;

/// <summary>
/// Hyperparameters of <see cref="LogisticRegression"/>, with scikit-learn's meanings and defaults
/// (LogisticRegression with the lbfgs solver; saga's objective for l1 and elastic_net).
/// </summary>
public sealed record LogisticOptions
{
    /// <summary>l2, none, l1 or elastic_net. The intercepts are never penalized.</summary>
    public string Penalty { get; init; } = "l2";

    /// <summary>
    /// Inverse penalty strength: minimizes Σ log loss + ‖W‖²/(2C) (l2), + ‖W‖₁/C (l1), or
    /// + l1_ratio‖W‖₁/C + (1 − l1_ratio)‖W‖²/(2C) (elastic_net). Smaller C: stronger penalty.
    /// </summary>
    public double C { get; init; } = 1.0;

    /// <summary>elastic_net: the L1 share of the penalty, 0 (l2) to 1 (l1).</summary>
    public double L1Ratio { get; init; } = 0.5;

    /// <summary>L-BFGS iterations at most; running out is logged, not an error.</summary>
    public int MaxIter { get; init; } = 100;

    /// <summary>Stop when the largest entry of the objective's (projected) gradient is at most tol.</summary>
    public double Tol { get; init; } = 1e-4;

    /// <summary>Learn an intercept per class (never penalized).</summary>
    public bool FitIntercept { get; init; } = true;

    public static IReadOnlyList<string> Penalties { get; } = ["l2", "none", "l1", "elastic_net"];

    public void Validate()
    {
        if (!Penalties.Contains(Penalty))
            throw LatheException.BadConfig($"model.penalty: '{Penalty}' is not one of {string.Join(", ", Penalties)} (for model.type logistic).");
        if (!(C > 0) || double.IsInfinity(C)) throw LatheException.BadConfig($"model.c must be a number more than 0 (got {C}); use penalty: none for no penalty.");
        if (!(L1Ratio is >= 0 and <= 1)) throw LatheException.BadConfig($"model.l1_ratio must be between 0 and 1 (got {L1Ratio}).");
        if (MaxIter < 1) throw LatheException.BadConfig("model.max_iter must be at least 1.");
        if (!(Tol > 0)) throw LatheException.BadConfig($"model.tol must be more than 0 (got {Tol}).");
    }
}
