using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// Replaces each categorical column by one 0/1 numeric column per training category, named
/// "column=category". A category never seen in training (or a missing value) gives all zeros.
/// </summary>
public sealed class OneHotEncoder : ITransform
{
    public const string TypeName = "one_hot";

    public string Type => TypeName;

    public IFittedTransform Fit(Table table) => new FittedOneHotEncoder(
        [.. table.Columns.OfType<CategoricalColumn>().Select(c => new EncodedColumn(c.Name, [.. UsedCategories(c)]))]);

    /// <summary>Categories that occur in the rows (a sliced table can keep names no row uses).</summary>
    private static IEnumerable<string> UsedCategories(CategoricalColumn column)
    {
        var used = new bool[column.Categories.Count];
        foreach (var code in column.Codes)
            if (code >= 0) used[code] = true;
        return column.Categories.Where((_, i) => used[i]);
    }
}

public sealed record EncodedColumn(string Name, string[] Categories);

public sealed class FittedOneHotEncoder(IReadOnlyList<EncodedColumn> columns) : IFittedTransform
{
    public string Type => OneHotEncoder.TypeName;

    public Table Transform(Table table)
    {
        foreach (var encoded in columns)
        {
            if (!table.Contains(encoded.Name)) continue;
            if (table[encoded.Name] is not CategoricalColumn column)
                throw LatheException.BadData($"column '{encoded.Name}' must be categorical, as it was when the encoder was fitted.");
            var codes = column.CodesIn(encoded.Categories);
            table = table.Without(encoded.Name);
            for (var k = 0; k < encoded.Categories.Length; k++)
            {
                var values = new float[codes.Length];
                for (var i = 0; i < codes.Length; i++) values[i] = codes[i] == k ? 1f : 0f;
                table = table.With(new NumericColumn($"{encoded.Name}={encoded.Categories[k]}", values));
            }
        }
        return table;
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["categories"] = TransformFormats.ToArray(c.Categories),
        })]),
    };

    public static FittedOneHotEncoder FromJson(JsonObject json) => new(
        [.. json["columns"]!.AsArray().Select(c => new EncodedColumn((string)c!["name"]!, TransformFormats.Strings(c["categories"])))]);
}
