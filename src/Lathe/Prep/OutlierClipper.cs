using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// Clips numeric values to bounds fitted on the training rows (IQR or z-score, see <see cref="OutlierBounds"/>),
/// in training rows and new rows alike, so one extreme value cannot stretch a scaler or a linear model.
/// </summary>
public sealed class OutlierClipper(bool iqr = true, double threshold = 1.5) : ITransform
{
    public const string TypeName = "outlier_clipper";

    public string Type => TypeName;

    public IFittedTransform Fit(Table table) => new FittedOutlierClipper(OutlierBounds.Fit(table, iqr, threshold));
}

public sealed class FittedOutlierClipper(IReadOnlyList<ColumnBounds> bounds) : IFittedTransform
{
    public string Type => OutlierClipper.TypeName;

    public IReadOnlyList<ColumnBounds> Bounds => bounds;

    public Table Transform(Table table)
    {
        foreach (var b in bounds)
        {
            if (!table.Contains(b.Name) || table[b.Name] is not NumericColumn n) continue;
            var values = n.Values.ToArray();
            for (var i = 0; i < values.Length; i++)
                if (!float.IsNaN(values[i])) values[i] = Math.Clamp(values[i], b.Lower, b.Upper);
            table = table.With(new NumericColumn(b.Name, values));
        }
        return table;
    }

    public JsonObject ToJson() => new() { ["type"] = Type, ["bounds"] = OutlierBounds.ToJson(bounds) };

    public static FittedOutlierClipper FromJson(JsonObject json) => new(OutlierBounds.FromJson(json["bounds"]));
}
