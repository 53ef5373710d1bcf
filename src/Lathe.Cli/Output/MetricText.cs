using System.Globalization;

namespace Lathe.Cli.Output;

/// <summary>How a metric prints: counts (clusters, trees, nodes, support vectors...) as whole numbers, scores with four decimals.</summary>
internal static class MetricText
{
    public static string Format(string name, double value) =>
        $"{name} {value.ToString(IsCount(name, value) ? "0" : "0.0000", CultureInfo.InvariantCulture)}";

    public static string Format(IEnumerable<KeyValuePair<string, double>> metrics) =>
        string.Join("  ", metrics.Select(kv => Format(kv.Key, kv.Value)));

    /// <summary>The scores a run's summary line shows (metrics.json keeps them all); any others when none of these is present.</summary>
    public static IEnumerable<KeyValuePair<string, double>> Headline(IReadOnlyDictionary<string, double> metrics)
    {
        string[] headline = ["accuracy", "f1_macro", "roc_auc", "log_loss", "rmse", "mae", "r2", "silhouette", "ari", "nmi", "clusters", "noise"];
        var shown = metrics.Where(kv => headline.Contains(kv.Key)).ToList();
        return shown.Count > 0 ? shown : metrics;
    }

    private static bool IsCount(string name, double value) =>
        value == Math.Floor(value) && name is "clusters" or "noise" or "trees" or "nodes" or "depth" or "core_points"
            or "support_vectors" or "iterations" or "rounds";
}
