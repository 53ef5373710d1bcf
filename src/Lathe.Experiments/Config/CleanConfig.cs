using Lathe.Cleaning;

namespace Lathe.Experiments.Config;

/// <summary>data.clean (see docs/data.md): what happens to gaps, duplicates, outliers and invalid cells.</summary>
public sealed class CleanConfig
{
    public static readonly string[] MissingValues = ["median", "mean", "most_frequent", "constant", "drop", "indicator", "none"];
    public static readonly string[] DuplicateValues = ["keep", "drop"];
    public static readonly string[] OutlierValues = ["none", "iqr_clip", "iqr_drop", "zscore_clip", "zscore_drop"];
    public static readonly string[] InvalidValues = ["error", "drop", "impute"];

    /// <summary>median, mean, most_frequent, constant, drop, indicator or none.</summary>
    public string Missing { get; set; } = "median";

    /// <summary>missing: constant — the number missing numbers get (default 0).</summary>
    public double? FillValue { get; set; }

    /// <summary>missing: constant — the category missing categories get (default "missing").</summary>
    public string? FillCategory { get; set; }

    /// <summary>keep or drop.</summary>
    public string Duplicates { get; set; } = "keep";

    /// <summary>none, iqr_clip, iqr_drop, zscore_clip or zscore_drop.</summary>
    public string Outliers { get; set; } = "none";

    /// <summary>k of the outlier bounds; absent: 1.5 for iqr, 3 for zscore.</summary>
    public double? OutlierThreshold { get; set; }

    /// <summary>error, drop or impute.</summary>
    public string Invalid { get; set; } = "error";

    /// <summary>The options this section describes (values already validated).</summary>
    public CleaningOptions ToOptions() => new()
    {
        Missing = Missing switch
        {
            "mean" => MissingPolicy.Mean,
            "most_frequent" => MissingPolicy.MostFrequent,
            "constant" => MissingPolicy.Constant,
            "drop" => MissingPolicy.Drop,
            "indicator" => MissingPolicy.Indicator,
            "none" => MissingPolicy.None,
            _ => MissingPolicy.Median,
        },
        FillValue = (float)(FillValue ?? 0),
        FillCategory = FillCategory ?? "missing",
        Duplicates = Duplicates == "drop" ? DuplicatePolicy.Drop : DuplicatePolicy.Keep,
        Outliers = Outliers switch
        {
            "iqr_clip" => OutlierPolicy.IqrClip,
            "iqr_drop" => OutlierPolicy.IqrDrop,
            "zscore_clip" => OutlierPolicy.ZScoreClip,
            "zscore_drop" => OutlierPolicy.ZScoreDrop,
            _ => OutlierPolicy.None,
        },
        OutlierThreshold = OutlierThreshold,
        Invalid = Invalid switch
        {
            "drop" => InvalidPolicy.Drop,
            "impute" => InvalidPolicy.Impute,
            _ => InvalidPolicy.Error,
        },
    };
}
