using System.Globalization;

namespace Lathe.Boosting;

/// <summary>Hyperparameters of gradient-boosted trees (LightGBM's meanings and defaults, under Lathe's names).</summary>
public sealed record GradientBoostingOptions
{
    /// <summary>Boosting rounds (trees per class); early stopping may end sooner.</summary>
    public int Rounds { get; init; } = 100;

    public double LearningRate { get; init; } = 0.1;

    /// <summary>Most leaves per tree (LightGBM grows leaf-wise).</summary>
    public int Leaves { get; init; } = 31;

    /// <summary>Deepest level of a tree (null: no limit beyond <see cref="Leaves"/>).</summary>
    public int? MaxDepth { get; init; }

    /// <summary>A leaf keeps at least this many rows.</summary>
    public int MinSamplesLeaf { get; init; } = 20;

    /// <summary>Share of the rows each round learns from (bagging; 1 = all rows).</summary>
    public double Subsample { get; init; } = 1.0;

    /// <summary>Share of the features each tree may use (1 = all).</summary>
    public double ColsampleByTree { get; init; } = 1.0;

    /// <summary>L1 penalty on leaf values.</summary>
    public double L1 { get; init; }

    /// <summary>L2 penalty on leaf values.</summary>
    public double L2 { get; init; }

    /// <summary>Histogram bins per feature.</summary>
    public int MaxBin { get; init; } = 255;

    /// <summary>Worker threads (0: LightGBM's default, one per core).</summary>
    public int Threads { get; init; }

    public void Validate()
    {
        if (Rounds < 1) throw LatheException.BadConfig("model.rounds must be at least 1.");
        if (LearningRate is <= 0 or > 1 || !double.IsFinite(LearningRate)) throw LatheException.BadConfig("model.learning_rate must be in (0, 1].");
        if (Leaves < 2) throw LatheException.BadConfig("model.leaves must be at least 2.");
        if (MaxDepth is < 1) throw LatheException.BadConfig("model.max_depth must be at least 1 (or left out for no limit).");
        if (MinSamplesLeaf < 1) throw LatheException.BadConfig("model.min_samples_leaf must be at least 1.");
        if (Subsample is <= 0 or > 1) throw LatheException.BadConfig("model.subsample must be in (0, 1].");
        if (ColsampleByTree is <= 0 or > 1) throw LatheException.BadConfig("model.colsample_bytree must be in (0, 1].");
        if (L1 < 0 || L2 < 0) throw LatheException.BadConfig("model.l1 and model.l2 must not be negative.");
        if (MaxBin < 2) throw LatheException.BadConfig("model.max_bin must be at least 2.");
        if (Threads < 0) throw LatheException.BadConfig("model.threads must not be negative.");
    }

    /// <summary>
    /// LightGBM's parameter string. Deterministic mode with column-wise histograms: LightGBM otherwise
    /// picks row- or column-wise by timing both, which can change the model between runs.
    /// </summary>
    internal string ToParameters(string objective, int seed) => string.Join(' ', new[]
    {
        objective,
        $"learning_rate={F(LearningRate)}",
        $"num_leaves={Leaves}",
        $"max_depth={MaxDepth ?? -1}",
        $"min_data_in_leaf={MinSamplesLeaf}",
        $"bagging_fraction={F(Subsample)}",
        $"bagging_freq={(Subsample < 1 ? 1 : 0)}",
        $"feature_fraction={F(ColsampleByTree)}",
        $"lambda_l1={F(L1)}",
        $"lambda_l2={F(L2)}",
        $"max_bin={MaxBin}",
        $"num_threads={Threads}",
        $"seed={seed}",
        "deterministic=true",
        "force_col_wise=true",
        "verbosity=-1",
    });

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
