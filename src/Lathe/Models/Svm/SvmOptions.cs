using System.Globalization;

namespace Lathe.Models.Svm;

/// <summary>Hyperparameters of a support vector machine (libsvm's and scikit-learn's meanings and defaults).</summary>
public sealed record SvmOptions
{
    /// <summary>linear, rbf, poly or sigmoid.</summary>
    public string Kernel { get; init; } = "rbf";

    /// <summary>Penalty on margin violations: larger fits the training rows more closely.</summary>
    public double C { get; init; } = 1.0;

    /// <summary>
    /// Kernel width for rbf, poly and sigmoid: "scale" (1 / (features × variance of all training values), as
    /// scikit-learn), "auto" (1 / features) or a positive number written out ("0.5").
    /// </summary>
    public string Gamma { get; init; } = "scale";

    /// <summary>Degree of the poly kernel.</summary>
    public int Degree { get; init; } = 3;

    /// <summary>Constant term of the poly and sigmoid kernels.</summary>
    public double Coef0 { get; init; }

    /// <summary>Half-width of the ε-insensitive tube (regression): errors smaller than this cost nothing.</summary>
    public double Epsilon { get; init; } = 0.1;

    /// <summary>Stopping tolerance on the largest violation of the optimality conditions.</summary>
    public double Tol { get; init; } = 1e-3;

    /// <summary>Set aside variables that seem settled at a bound (libsvm's shrinking heuristic); the result is the same.</summary>
    public bool Shrinking { get; init; } = true;

    /// <summary>Memory for cached kernel columns, in MB, shared by the problems solved at the same time.</summary>
    public double CacheMb { get; init; } = 200;

    /// <summary>
    /// Calibrated probabilities (Platt scaling fitted on 5-fold internal cross-validation, then pairwise
    /// coupling); costs about five extra fits. Off: probabilities are the shares of one-vs-one votes.
    /// </summary>
    public bool Probability { get; init; } = true;

    /// <summary>Most solver iterations per problem; null: max(10 million, 100 × rows), as libsvm.</summary>
    public long? MaxIter { get; init; }

    public void Validate()
    {
        if (Kernel is not ("linear" or "rbf" or "poly" or "sigmoid"))
            throw LatheException.BadConfig($"model.kernel: '{Kernel}' is not one of linear, rbf, poly, sigmoid.");
        if (!(C > 0) || !double.IsFinite(C)) throw LatheException.BadConfig($"model.c must be a positive number (got {C}).");
        if (Gamma is not ("scale" or "auto") && ParseGammaNumber(Gamma) is not > 0)
            throw LatheException.BadConfig($"model.gamma: '{Gamma}' is not scale, auto or a positive number.");
        if (Degree < 1) throw LatheException.BadConfig($"model.degree must be at least 1 (got {Degree}).");
        if (!double.IsFinite(Coef0)) throw LatheException.BadConfig("model.coef0 must be a finite number.");
        if (!(Epsilon >= 0) || !double.IsFinite(Epsilon)) throw LatheException.BadConfig($"model.epsilon must be zero or more (got {Epsilon}).");
        if (!(Tol > 0) || !double.IsFinite(Tol)) throw LatheException.BadConfig($"model.tol must be a positive number (got {Tol}).");
        if (!(CacheMb > 0) || !double.IsFinite(CacheMb)) throw LatheException.BadConfig($"model.cache_mb must be a positive number (got {CacheMb}).");
        if (MaxIter is < 1) throw LatheException.BadConfig($"model.max_iter must be at least 1 (got {MaxIter}); leave it out for no limit.");
    }

    /// <summary>The gamma to use for training rows <paramref name="x"/> of <paramref name="width"/> features.</summary>
    public double GammaFor(float[] x, int width)
    {
        if (Gamma == "auto") return 1.0 / width;
        if (Gamma != "scale") return ParseGammaNumber(Gamma)!.Value;
        // scikit-learn: 1 / (n_features · X.var()), the variance of all values together; 1 when it is zero.
        double sum = 0, squares = 0;
        foreach (var v in x) sum += v;
        var mean = sum / x.Length;
        foreach (var v in x) squares += (v - mean) * (v - mean);
        var variance = squares / x.Length;
        return variance > 0 ? 1.0 / (width * variance) : 1.0;
    }

    private static double? ParseGammaNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
