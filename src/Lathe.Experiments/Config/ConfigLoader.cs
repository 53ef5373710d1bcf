using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Lathe.Experiments.Config;

/// <summary>
/// Reads a config file, applies command-line overrides (--set key=value, the value in YAML syntax), and
/// checks every key and value. Problems in the file name its line and column; problems in an override name the override.
/// </summary>
public static class ConfigLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    public static LatheConfig Load(string path, IReadOnlyList<string>? overrides = null)
    {
        if (!File.Exists(path)) throw LatheException.BadConfig($"{path}: config file not found.");
        return Parse(File.ReadAllText(path), path, overrides ?? []);
    }

    public static LatheConfig Parse(string yaml, string sourceName, IReadOnlyList<string> overrides)
    {
        var root = LoadTree(yaml, sourceName);
        Report(ConfigSchemaCheck.Check(root, typeof(LatheConfig), ""), sourceName, overrideNodes: null);

        var overrideOf = new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
        foreach (var assignment in overrides)
        {
            foreach (var node in Apply(root, assignment)) overrideOf[node] = assignment;
        }
        if (overrides.Count > 0)
            Report(ConfigSchemaCheck.Check(root, typeof(LatheConfig), ""), sourceName, overrideOf);

        var document = new YamlStream(new YamlDocument(root));
        using var text = new StringWriter();
        document.Save(text, assignAnchors: false);
        try
        {
            var config = Deserializer.Deserialize<LatheConfig>(text.ToString()) ?? new LatheConfig();
            ConfigValidation.Validate(config, sourceName);
            return config;
        }
        catch (YamlException e)
        {
            throw LatheException.BadConfig($"{sourceName}: {e.InnerException?.Message ?? e.Message}");
        }
    }

    /// <summary>The resolved config (defaults filled in) as YAML, for the run folder.</summary>
    public static string ToYaml(LatheConfig config) => Serializer.Serialize(config);

    private static YamlMappingNode LoadTree(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw LatheException.BadConfig($"{sourceName}:{e.Start.Line}:{e.Start.Column}: not valid YAML ({e.Message}).");
        }
        if (stream.Documents.Count == 0) return new YamlMappingNode();
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw LatheException.BadConfig($"{sourceName}: the config must be a set of keys (name:, data:, model:, train:).");
    }

    /// <summary>Sets a dotted key to a YAML value in the tree, creating sections on the way. Returns the nodes it added.</summary>
    private static List<YamlNode> Apply(YamlMappingNode root, string assignment)
    {
        var equals = assignment.IndexOf('=');
        if (equals <= 0)
            throw LatheException.BadConfig($"--set {assignment}: write it as key=value, e.g. --set train.epochs=20.");
        var keys = assignment[..equals].Trim().Split('.');
        var valueText = assignment[(equals + 1)..];
        var valueStream = new YamlStream();
        try
        {
            valueStream.Load(new StringReader(valueText.Length == 0 ? "''" : valueText));
        }
        catch (YamlException e)
        {
            throw LatheException.BadConfig($"--set {assignment}: the value is not valid YAML ({e.Message}).");
        }
        var value = valueStream.Documents.Count > 0 ? valueStream.Documents[0].RootNode : new YamlScalarNode("");

        var added = new List<YamlNode>(value.AllNodes);
        var section = root;
        foreach (var key in keys[..^1])
        {
            if (!section.Children.TryGetValue(new YamlScalarNode(key), out var child) || child is not YamlMappingNode)
            {
                var keyNode = new YamlScalarNode(key);
                child = new YamlMappingNode();
                section.Children[keyNode] = child;
                added.Add(keyNode);
                added.Add(child);
            }
            section = (YamlMappingNode)child;
        }
        var last = new YamlScalarNode(keys[^1]);
        if (!section.Children.ContainsKey(last)) added.Add(last); // a new key: an unknown one is blamed on the override
        section.Children[last] = value;
        return added;
    }

    private static void Report(ConfigSchemaCheck.Problem? problem, string sourceName, Dictionary<YamlNode, string>? overrideNodes)
    {
        if (problem is null) return;
        if (overrideNodes is not null && overrideNodes.TryGetValue(problem.Node, out var assignment))
            throw LatheException.BadConfig($"--set {assignment}: {problem.Message}");
        throw LatheException.BadConfig($"{sourceName}:{problem.Node.Start.Line}:{problem.Node.Start.Column}: {problem.Message}");
    }
}
