namespace Lathe.Models.Linear;

/// <summary>
/// Hyperparameters of <see cref="LinearRegressor"/>, with scikit-learn's meanings and defaults:
/// <c>none</c> is LinearRegression, <c>l2</c> Ridge, <c>l1</c> Lasso, <c>elastic_net</c> ElasticNet.
/// </summary>
public sealed record LinearOptions
{
    /// <summary>none (ordinary least squares), l2 (ridge), l1 (lasso) or elastic_net.</summary>
    public string Penalty { get; init; } = "none";

    /// <summary>
    /// Penalty strength. l2: minimizes ‖y − Xw − b‖² + alpha‖w‖². l1 and elastic_net: minimize
    /// (1/2n)‖y − Xw − b‖² + alpha·l1_ratio‖w‖₁ + ½alpha(1 − l1_ratio)‖w‖². Ignored by none.
    /// </summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>elastic_net: the L1 share of the penalty, 0 (ridge-like) to 1 (lasso).</summary>
    public double L1Ratio { get; init; } = 0.5;

    /// <summary>l1 and elastic_net: coordinate-descent sweeps at most.</summary>
    public int MaxIter { get; init; } = 1000;

    /// <summary>l1 and elastic_net: stop when the duality gap is below tol × ‖y − ȳ‖² (checked when no coefficient moved by more than tol × the largest).</summary>
    public double Tol { get; init; } = 1e-4;

    /// <summary>Learn an intercept (never penalized); false: the line goes through the origin.</summary>
    public bool FitIntercept { get; init; } = true;

    public static IReadOnlyList<string> Penalties { get; } = ["none", "l2", "l1", "elastic_net"];

    public void Validate()
    {
        if (!Penalties.Contains(Penalty))
            throw LatheException.BadConfig($"model.penalty: '{Penalty}' is not one of {string.Join(", ", Penalties)} (for model.type linear).");
        if (!(Alpha >= 0) || double.IsInfinity(Alpha)) throw LatheException.BadConfig($"model.alpha must be a number of at least 0 (got {Alpha}).");
        if (!(L1Ratio is >= 0 and <= 1)) throw LatheException.BadConfig($"model.l1_ratio must be between 0 and 1 (got {L1Ratio}).");
        if (MaxIter < 1) throw LatheException.BadConfig("model.max_iter must be at least 1.");
        if (!(Tol > 0)) throw LatheException.BadConfig($"model.tol must be more than 0 (got {Tol}).");
    }
}
