using System.Globalization;
using System.Text.Json.Nodes;

namespace Lathe.Experiments.Tuning;

/// <summary>Turns a free-form value as YamlDotNet reads it (text scalars, lists, mappings) into JSON with typed scalars.</summary>
internal static class YamlValue
{
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s when s is "null" or "~" or "" => null,
        string s when bool.TryParse(s, out var b) => JsonValue.Create(b),
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        IDictionary<object, object?> map => new JsonObject(map.Select(kv => KeyValuePair.Create(kv.Key.ToString()!, ToJson(kv.Value)))),
        IEnumerable<object?> list => new JsonArray([.. list.Select(ToJson)]),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
