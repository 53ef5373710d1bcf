using System.Globalization;

namespace Lathe.Cli.Output;

/// <summary>How a metric prints: counts (clusters, trees, nodes, support vectors...) as whole numbers, scores with four decimals.</summary>
internal static class MetricText
{
    public static string Format(string name, double value) =>
        $"{name} {value.ToString(IsCount(name, value) ? "0" : "0.0000", CultureInfo.InvariantCulture)}";

    public static string Format(IEnumerable<KeyValuePair<string, double>> metrics) =>
        string.Join("  ", metrics.Select(kv => Format(kv.Key, kv.Value)));

    private static bool IsCount(string name, double value) =>
        value == Math.Floor(value) && name is "clusters" or "noise" or "trees" or "nodes" or "depth" or "core_points"
            or "support_vectors" or "iterations" or "rounds";
}
