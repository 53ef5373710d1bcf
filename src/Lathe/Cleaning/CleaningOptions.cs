using Lathe.Prep;

namespace Lathe.Cleaning;

/// <summary>What to do with missing values.</summary>
public enum MissingPolicy
{
    /// <summary>Numbers get the training median, categories the most frequent training category.</summary>
    Median,
    /// <summary>Numbers get the training mean, categories the most frequent training category.</summary>
    Mean,
    /// <summary>Numbers and categories get their most frequent training value.</summary>
    MostFrequent,
    /// <summary>Numbers get <see cref="CleaningOptions.FillValue"/>, categories <see cref="CleaningOptions.FillCategory"/>.</summary>
    Constant,
    /// <summary>Rows with a missing value (feature or target) are dropped before the split; new data is still filled like Median.</summary>
    Drop,
    /// <summary>Like Median, plus a 0/1 "name_missing" column for every column with gaps in the training rows.</summary>
    Indicator,
    /// <summary>No imputer: for data known to have no gaps (no model in Lathe takes gaps; a gap stops the fit with its column and row).</summary>
    None,
}

public enum DuplicatePolicy
{
    Keep,
    /// <summary>Rows equal in every column (except ignored ones) to an earlier row are dropped before the split.</summary>
    Drop,
}

/// <summary>Outliers of numeric features, judged by bounds fitted on the training rows only.</summary>
public enum OutlierPolicy
{
    None,
    /// <summary>Values outside [Q1 − k·IQR, Q3 + k·IQR] are clipped to the bounds, in training and new data alike.</summary>
    IqrClip,
    /// <summary>Training rows with a value outside the IQR bounds are left out of the fit; new rows are never dropped.</summary>
    IqrDrop,
    /// <summary>Values more than k standard deviations from the mean are clipped to mean ± k·std.</summary>
    ZScoreClip,
    /// <summary>Training rows with a value more than k standard deviations from the mean are left out of the fit.</summary>
    ZScoreDrop,
}

/// <summary>What to do with a cell that is not a valid number in a numeric column: infinite, or text such as "1O".</summary>
public enum InvalidPolicy
{
    /// <summary>Refuse the file, naming the file, line and column.</summary>
    Error,
    /// <summary>Drop the row (counted and listed in the cleaning report).</summary>
    Drop,
    /// <summary>Treat the cell as missing, so the missing policy fills it. A target cell cannot be filled: its row is dropped.</summary>
    Impute,
}

/// <summary>How data is cleaned; the defaults change nothing a run did before cleaning was configurable.</summary>
public sealed record CleaningOptions
{
    public MissingPolicy Missing { get; init; } = MissingPolicy.Median;

    /// <summary>The number missing numbers get with <see cref="MissingPolicy.Constant"/>.</summary>
    public float FillValue { get; init; }

    /// <summary>The category missing categories get with <see cref="MissingPolicy.Constant"/>.</summary>
    public string FillCategory { get; init; } = "missing";

    public DuplicatePolicy Duplicates { get; init; } = DuplicatePolicy.Keep;

    public OutlierPolicy Outliers { get; init; } = OutlierPolicy.None;

    /// <summary>k in the outlier bounds; null: 1.5 for IQR, 3 for z-scores.</summary>
    public double? OutlierThreshold { get; init; }

    public InvalidPolicy Invalid { get; init; } = InvalidPolicy.Error;

    public double Threshold => OutlierThreshold ?? (Outliers is OutlierPolicy.IqrClip or OutlierPolicy.IqrDrop ? 1.5 : 3.0);

    public bool DropsOutliers => Outliers is OutlierPolicy.IqrDrop or OutlierPolicy.ZScoreDrop;

    /// <summary>
    /// The cleaning steps that need statistics, fitted on the training rows only and saved with the model:
    /// outlier bounds, then missing indicators, then the imputer. Put them first in a <see cref="Models.Pipeline"/>.
    /// </summary>
    public IReadOnlyList<ITransform> TrainingSteps()
    {
        var steps = new List<ITransform>();
        var iqr = Outliers is OutlierPolicy.IqrClip or OutlierPolicy.IqrDrop;
        if (Outliers is OutlierPolicy.IqrClip or OutlierPolicy.ZScoreClip) steps.Add(new OutlierClipper(iqr, Threshold));
        if (DropsOutliers) steps.Add(new OutlierFilter(iqr, Threshold));
        if (Missing == MissingPolicy.Indicator) steps.Add(new MissingIndicator());
        var strategy = Missing switch
        {
            MissingPolicy.Mean => ImputeStrategy.Mean,
            MissingPolicy.MostFrequent => ImputeStrategy.MostFrequent,
            MissingPolicy.Constant => ImputeStrategy.Constant,
            _ => ImputeStrategy.Median,
        };
        if (Missing != MissingPolicy.None) steps.Add(new Imputer(strategy, FillValue, FillCategory));
        return steps;
    }
}
