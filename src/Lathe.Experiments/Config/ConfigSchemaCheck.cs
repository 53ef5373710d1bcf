using System.Collections;
using System.Globalization;
using System.Reflection;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace Lathe.Experiments.Config;

/// <summary>
/// Walks a YAML tree against the config classes before deserializing, so that an unknown key or a value
/// of the wrong type is reported with its dotted key path, its position and what would be accepted.
/// </summary>
internal static class ConfigSchemaCheck
{
    /// <summary>A problem found at a node of the tree.</summary>
    internal sealed record Problem(YamlNode Node, string Message);

    public static Problem? Check(YamlNode node, Type type, string path)
    {
        if (node is YamlScalarNode { Value: null or "" or "~" or "null" } && IsNullable(type)) return null;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(object)) return null; // free-form values (tune choices): any YAML

        if (underlying == typeof(string))
            return node is YamlScalarNode ? null : new Problem(node, $"{path} must be a single value (text), not a {Describe(node)}.");
        if (underlying == typeof(int))
            return Scalar(node, path, "a whole number", s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
        if (underlying == typeof(long))
            return Scalar(node, path, "a whole number", s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
        if (underlying == typeof(double))
            return Scalar(node, path, "a number", s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        if (underlying == typeof(bool))
            return Scalar(node, path, "true or false", s => bool.TryParse(s, out _));

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (node is not YamlSequenceNode sequence) return new Problem(node, $"{path} must be a list such as [64, 32], not a {Describe(node)}.");
            var element = underlying.GetGenericArguments()[0];
            var i = 0;
            foreach (var item in sequence)
                if (Check(item, element, $"{path}[{i++}]") is { } problem) return problem;
            return null;
        }
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            if (node is not YamlMappingNode map) return new Problem(node, $"{path} must be a mapping of names to values, not a {Describe(node)}.");
            var valueType = underlying.GetGenericArguments()[1];
            foreach (var (key, value) in map)
                if (Check(value, valueType, $"{path}.{key}") is { } problem) return problem;
            return null;
        }
        if (underlying.IsClass && !typeof(IEnumerable).IsAssignableFrom(underlying))
        {
            if (node is not YamlMappingNode map) return new Problem(node, $"{path} must be a section of keys, not a {Describe(node)}.");
            var properties = PropertiesOf(underlying);
            foreach (var (keyNode, value) in map)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? "";
                var child = path.Length == 0 ? key : $"{path}.{key}";
                if (!properties.TryGetValue(key, out var property))
                    return new Problem(keyNode, $"unknown key '{child}'. Keys allowed {(path.Length == 0 ? "at the top level" : $"in {path}")}: {string.Join(", ", properties.Keys)}.");
                if (Check(value, property.PropertyType, child) is { } problem) return problem;
            }
            return null;
        }
        throw new InvalidOperationException($"Config type {underlying} is not supported by the schema check.");
    }

    /// <summary>The YAML key of every settable property of a config class.</summary>
    public static Dictionary<string, PropertyInfo> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => UnderscoredNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal);

    private static Problem? Scalar(YamlNode node, string path, string expected, Func<string, bool> parses) =>
        node is YamlScalarNode { Value: { } text } && parses(text)
            ? null
            : new Problem(node, $"{path} must be {expected}, not {(node is YamlScalarNode s ? $"'{s.Value}'" : $"a {Describe(node)}")}.");

    private static bool IsNullable(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "section",
        YamlSequenceNode => "list",
        _ => "value",
    };
}
