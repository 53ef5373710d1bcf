using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Prep;

/// <summary>The learned center and scale of one numeric column: a value becomes (value − center) / scale.</summary>
public sealed record CenterScale(string Name, float Center, float Scale);

/// <summary>
/// A fitted scaler that maps each numeric column to (value − center) / scale: the min-max scaler (center =
/// training minimum, scale = range) and the robust scaler (center = median, scale = interquartile range).
/// Missing values stay missing.
/// </summary>
public sealed class FittedCenterScale(string type, IReadOnlyList<CenterScale> columns) : IFittedTransform
{
    public string Type => type;

    public IReadOnlyList<CenterScale> Columns => columns;

    public Table Transform(Table table)
    {
        foreach (var stat in columns)
        {
            if (!table.Contains(stat.Name)) continue;
            if (table[stat.Name] is not NumericColumn n)
                throw LatheException.BadData($"column '{stat.Name}' is {table[stat.Name].Kind} here but was numeric when the {type} was fitted.");
            var values = n.Values.ToArray();
            for (var i = 0; i < values.Length; i++) values[i] = (values[i] - stat.Center) / stat.Scale;
            table = table.With(new NumericColumn(n.Name, values));
        }
        return table;
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = type,
        ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["center"] = c.Center,
            ["scale"] = c.Scale,
        })]),
    };

    public static FittedCenterScale FromJson(JsonObject json) => new(
        (string)json["type"]!,
        [.. json["columns"]!.AsArray().Select(c => new CenterScale((string)c!["name"]!, (float)c["center"]!, (float)c["scale"]!))]);

    /// <summary>A scale that never divides by zero: a constant column keeps scale 1.</summary>
    internal static float SafeScale(double scale) => scale < 1e-12 || !double.IsFinite(scale) ? 1f : (float)scale;
}
