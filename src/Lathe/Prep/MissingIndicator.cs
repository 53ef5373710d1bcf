using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// Adds a 0/1 numeric column "name_missing" for every numeric or categorical column with a gap in the
/// training rows, so a model can learn from the fact that a value was missing (put it before the imputer).
/// </summary>
public sealed class MissingIndicator : ITransform
{
    public const string TypeName = "missing_indicator";

    public string Type => TypeName;

    public IFittedTransform Fit(Table table) => new FittedMissingIndicator(
        [.. table.Columns.Where(c => c is NumericColumn or CategoricalColumn && c.CountMissing() > 0).Select(c => c.Name)]);
}

public sealed class FittedMissingIndicator(IReadOnlyList<string> columns) : IFittedTransform
{
    public string Type => MissingIndicator.TypeName;

    public IReadOnlyList<string> Columns => columns;

    public Table Transform(Table table)
    {
        foreach (var name in columns)
        {
            if (!table.Contains(name)) continue;
            var column = table[name];
            var flags = new float[column.Length];
            for (var r = 0; r < flags.Length; r++) flags[r] = column.IsMissing(r) ? 1f : 0f;
            table = table.With(new NumericColumn(name + "_missing", flags));
        }
        return table;
    }

    public JsonObject ToJson() => new() { ["type"] = Type, ["columns"] = TransformFormats.ToArray(columns) };

    public static FittedMissingIndicator FromJson(JsonObject json) => new(TransformFormats.Strings(json["columns"]));
}
