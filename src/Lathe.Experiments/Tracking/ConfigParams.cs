using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Lathe.Experiments.Tracking;

/// <summary>
/// A resolved config as run params: one dotted key per value (model.type = mlp, train.optimizer.lr = 0.001);
/// a list is one value in flow style ([64, 32]). The tune: section is left out: it describes a search, not
/// this run (a trial's choices are already in the keys they set).
/// </summary>
public static class ConfigParams
{
    public static IReadOnlyDictionary<string, string> Flatten(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            foreach (var (key, value) in root.Children)
                if (Key(key) != "tune") Add(result, Key(key), value);
        return result;
    }

    private static void Add(IDictionary<string, string> into, string prefix, YamlNode node)
    {
        if (node is YamlMappingNode { Children.Count: > 0 } map)
            foreach (var (key, value) in map.Children) Add(into, $"{prefix}.{Key(key)}", value);
        else into[prefix] = Text(node);
    }

    private static string Key(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static string Text(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(Text)) + "]",
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(kv => $"{Key(kv.Key)}: {Text(kv.Value)}")) + "}",
        _ => node.ToString(),
    };

    /// <summary>A param value as a number when it is one (for sorting and plots).</summary>
    public static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
