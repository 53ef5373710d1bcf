namespace Lathe.Tracking.Store;

/// <summary>
/// Everything recorded about a run but its metric series: the summary, config text, params, tags, final metrics
/// per part ("validation", "test" → name → value) and artifacts (paths relative to the run folder).
/// </summary>
public sealed record RunRecord(
    RunSummary Summary,
    string ConfigText,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> FinalMetrics,
    IReadOnlyList<string> Artifacts);
