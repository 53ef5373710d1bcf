using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// Leaves training rows with an outlier (outside bounds fitted on the training rows, see
/// <see cref="OutlierBounds"/>) out of the fit. New rows — validation, test, prediction — are never dropped:
/// a model must answer for every row it is given; the fitted step keeps the bounds only as a record.
/// </summary>
public sealed class OutlierFilter(bool iqr = true, double threshold = 1.5) : ITrainingTransform
{
    public const string TypeName = "outlier_filter";

    public string Type => TypeName;

    public IFittedTransform Fit(Table table) => new FittedOutlierFilter(OutlierBounds.Fit(table, iqr, threshold));

    public TrainingFit FitTraining(Table features, Column? target)
    {
        var fitted = new FittedOutlierFilter(OutlierBounds.Fit(features, iqr, threshold));
        var outlier = OutlierBounds.OutlierRows(features, fitted.Bounds);
        int[] kept = [.. Enumerable.Range(0, features.RowCount).Where(r => !outlier[r])];
        if (kept.Length == 0)
            throw LatheException.BadData("data.clean.outliers: every training row has an outlier; raise outlier_threshold or clip instead of dropping.");
        return new TrainingFit(fitted, features.Take(kept), kept);
    }
}

public sealed class FittedOutlierFilter(IReadOnlyList<ColumnBounds> bounds) : IFittedTransform
{
    public string Type => OutlierFilter.TypeName;

    public IReadOnlyList<ColumnBounds> Bounds => bounds;

    public Table Transform(Table table) => table;

    public JsonObject ToJson() => new() { ["type"] = Type, ["bounds"] = OutlierBounds.ToJson(bounds) };

    public static FittedOutlierFilter FromJson(JsonObject json) => new(OutlierBounds.FromJson(json["bounds"]));
}
