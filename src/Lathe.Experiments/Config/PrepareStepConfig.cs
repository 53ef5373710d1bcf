namespace Lathe.Experiments.Config;

/// <summary>One step of model.prepare (see docs/data.md): a scaler or encoder, optionally on some columns only.</summary>
public sealed class PrepareStepConfig
{
    /// <summary>standard_scaler, min_max_scaler, robust_scaler, one_hot, ordinal_encoder or target_encoder.</summary>
    public string Type { get; set; } = "";

    /// <summary>The columns to transform; absent: every column the step applies to (numbers for scalers, categories for encoders).</summary>
    public List<string>? Columns { get; set; }

    /// <summary>ordinal_encoder: the order of some columns' categories, e.g. { size: [small, medium, large] }.</summary>
    public Dictionary<string, List<string>> Categories { get; set; } = [];

    /// <summary>ordinal_encoder: the number an unseen category or a missing value becomes.</summary>
    public double UnknownValue { get; set; } = -1;

    /// <summary>target_encoder: weight of the overall mean, in rows.</summary>
    public double Smoothing { get; set; } = 10;

    /// <summary>target_encoder: folds for the out-of-fold encoding of the training rows (1: in-sample).</summary>
    public int Folds { get; set; } = 5;
}
