using System.Collections;
using System.Globalization;
using System.Reflection;
using YamlDotNet.Serialization.NamingConventions;

namespace Lathe.Experiments.Config;

/// <summary>
/// Warns about model keys that the chosen model.type never reads (model: { type: tree, trees: 500 } grows one
/// tree and ignores trees). A key counts as set when its value differs from <see cref="ModelConfig"/>'s default:
/// a run folder's config.yaml writes every key out with its default, and reading it again must stay quiet.
/// Warnings, not errors: a tune space may set a param that only some types of its choice read.
/// </summary>
public static class UnusedModelKeys
{
    private static readonly ModelConfig Defaults = new();

    /// <summary>Every settable property of <see cref="ModelConfig"/> with its YAML name, as the config spells it.</summary>
    public static IReadOnlyList<(string Key, PropertyInfo Property)> Keys { get; } = [.. typeof(ModelConfig)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.CanWrite)
        .Select(p => (UnderscoredNamingConvention.Instance.Apply(p.Name), p))];

    /// <summary>One "warning: ..." line per key set to a non-default value that <paramref name="model"/>'s type does not read; none for auto.</summary>
    public static IReadOnlyList<string> Warnings(ModelConfig model)
    {
        if (model.Type == "auto") return []; // the search sets each family's keys for that family only
        var warnings = new List<string>();
        foreach (var (key, property) in Keys)
        {
            if (!ModelKeyUse.Readers.TryGetValue(key, out var readers) || readers.Contains(model.Type)) continue;
            var value = property.GetValue(model);
            if (SameValue(value, property.GetValue(Defaults))) continue;
            warnings.Add($"warning: model.{key} ({Text(value)}) is not used by model.type {model.Type}; it is read by {string.Join(", ", readers)}. " +
                         "Remove it or change model.type.");
        }
        return warnings;
    }

    private static bool SameValue(object? value, object? defaultValue) => (value, defaultValue) switch
    {
        (IEnumerable a and not string, IEnumerable b and not string) => a.Cast<object?>().SequenceEqual(b.Cast<object?>()),
        _ => Equals(value, defaultValue),
    };

    private static string Text(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => s,
        IEnumerable list => $"[{string.Join(", ", list.Cast<object?>().Select(Text))}]",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
