using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Prep;

/// <summary>How an <see cref="OrdinalEncoder"/> numbers categories.</summary>
public sealed record OrdinalEncoderOptions
{
    /// <summary>
    /// The order of some columns' categories (small, medium, large → 0, 1, 2). Columns not named here are
    /// numbered in sorted (ordinal string) order of their training categories.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Categories { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The number a category never seen in training, or a missing value, becomes. -1 sits below every real code.</summary>
    public float UnknownValue { get; init; } = -1;
}

/// <summary>
/// Replaces each categorical column by one numeric column of category numbers 0, 1, 2, …, keeping its
/// name. Suits trees (one column instead of one per category) and truly ordered categories.
/// </summary>
public sealed class OrdinalEncoder(OrdinalEncoderOptions? options = null) : ITransform
{
    public const string TypeName = "ordinal_encoder";

    private readonly OrdinalEncoderOptions _options = options ?? new OrdinalEncoderOptions();

    public string Type => TypeName;

    public IFittedTransform Fit(Table table)
    {
        var columns = new List<EncodedColumn>();
        foreach (var column in table.Columns.OfType<CategoricalColumn>())
        {
            var used = Enumerable.Range(0, column.Length).Where(i => !column.IsMissing(i)).Select(column.Format).Distinct().ToList();
            if (_options.Categories.TryGetValue(column.Name, out var order))
            {
                var unlisted = used.FirstOrDefault(c => !order.Contains(c));
                if (unlisted is not null)
                    throw LatheException.BadConfig(
                        $"ordinal_encoder: column '{column.Name}' holds '{unlisted}', which its category order ({string.Join(", ", order)}) leaves out. Add it to the order.");
                columns.Add(new EncodedColumn(column.Name, [.. order]));
            }
            else columns.Add(new EncodedColumn(column.Name, [.. used.Order(StringComparer.Ordinal)]));
        }
        foreach (var name in _options.Categories.Keys)
            if (!table.Contains(name) || table[name] is not CategoricalColumn)
                throw LatheException.BadConfig($"ordinal_encoder: categories for '{name}', which is not a categorical input column here.");
        return new FittedOrdinalEncoder(columns, _options.UnknownValue);
    }
}

public sealed class FittedOrdinalEncoder(IReadOnlyList<EncodedColumn> columns, float unknownValue) : IFittedTransform
{
    public string Type => OrdinalEncoder.TypeName;

    public IReadOnlyList<EncodedColumn> Columns => columns;

    public Table Transform(Table table)
    {
        foreach (var encoded in columns)
        {
            if (!table.Contains(encoded.Name)) continue;
            if (table[encoded.Name] is not CategoricalColumn column)
                throw LatheException.BadData($"column '{encoded.Name}' must be categorical, as it was when the encoder was fitted.");
            var codes = column.CodesIn(encoded.Categories);
            var values = new float[codes.Length];
            for (var i = 0; i < codes.Length; i++) values[i] = codes[i] < 0 ? unknownValue : codes[i];
            table = table.With(new NumericColumn(encoded.Name, values));
        }
        return table;
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["unknown_value"] = unknownValue,
        ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["categories"] = TransformFormats.ToArray(c.Categories),
        })]),
    };

    public static FittedOrdinalEncoder FromJson(JsonObject json) => new(
        [.. json["columns"]!.AsArray().Select(c => new EncodedColumn((string)c!["name"]!, TransformFormats.Strings(c["categories"])))],
        (float)json["unknown_value"]!);
}
