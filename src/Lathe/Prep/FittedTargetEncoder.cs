using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// The learned encoding of one column: <see cref="Encodings"/> holds <c>width</c> values per category
/// (row-major), <see cref="Prior"/> the overall training mean used for unknown and missing values.
/// </summary>
/// <param name="Classes">For more than two classes, the class of each output column; null for one output column.</param>
public sealed record TargetStatistics(string Name, string[] Categories, float[] Encodings, float[] Prior, string[]? Classes)
{
    public int Width => Prior.Length;

    /// <summary>The encoding of a code into <see cref="Categories"/> (−1: unknown or missing → the prior).</summary>
    public ReadOnlySpan<float> EncodingOf(int code) => code < 0 ? Prior : Encodings.AsSpan(code * Width, Width);

    /// <summary>The table with this column replaced by its encoding, given row-major with <see cref="Width"/> values per row.</summary>
    public Table Replace(Table table, float[] encoded)
    {
        var rows = table.RowCount;
        if (Width == 1) return table.With(new NumericColumn(Name, encoded));
        table = table.Without(Name);
        for (var j = 0; j < Width; j++)
        {
            var values = new float[rows];
            for (var r = 0; r < rows; r++) values[r] = encoded[r * Width + j];
            table = table.With(new NumericColumn($"{Name}:{Classes![j]}", values));
        }
        return table;
    }
}

public sealed class FittedTargetEncoder(IReadOnlyList<TargetStatistics> columns) : IFittedTransform
{
    public string Type => TargetEncoder.TypeName;

    public IReadOnlyList<TargetStatistics> Columns => columns;

    public Table Transform(Table table)
    {
        foreach (var stat in columns)
        {
            if (!table.Contains(stat.Name)) continue;
            if (table[stat.Name] is not CategoricalColumn column)
                throw LatheException.BadData($"column '{stat.Name}' must be categorical, as it was when the target encoder was fitted.");
            var codes = column.CodesIn(stat.Categories);
            var encoded = new float[codes.Length * stat.Width];
            for (var r = 0; r < codes.Length; r++) stat.EncodingOf(codes[r]).CopyTo(encoded.AsSpan(r * stat.Width, stat.Width));
            table = stat.Replace(table, encoded);
        }
        return table;
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["columns"] = new JsonArray([.. columns.Select(c =>
        {
            var json = new JsonObject
            {
                ["name"] = c.Name,
                ["categories"] = TransformFormats.ToArray(c.Categories),
                ["encodings"] = TransformFormats.ToArray(c.Encodings),
                ["prior"] = TransformFormats.ToArray(c.Prior),
            };
            if (c.Classes is not null) json["classes"] = TransformFormats.ToArray(c.Classes);
            return (JsonNode)json;
        })]),
    };

    public static FittedTargetEncoder FromJson(JsonObject json) => new(
        [.. json["columns"]!.AsArray().Select(c => new TargetStatistics(
            (string)c!["name"]!,
            TransformFormats.Strings(c["categories"]),
            TransformFormats.Floats(c["encodings"]),
            TransformFormats.Floats(c["prior"]),
            c["classes"] is null ? null : TransformFormats.Strings(c["classes"])))]);
}
