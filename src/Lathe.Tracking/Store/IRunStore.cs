namespace Lathe.Tracking.Store;

/// <summary>
/// Where runs are recorded: runs, params, metric series per step, final metrics, tags and artifacts. One store
/// may be shared by many threads and (SQLite, PostgreSQL) many processes; every call is a short transaction.
/// </summary>
public interface IRunStore : IDisposable
{
    /// <summary>Records a new run with status running and returns its id.</summary>
    long CreateRun(RunStart start);

    /// <summary>Adds or replaces tags.</summary>
    void SetTags(long runId, IReadOnlyDictionary<string, string> tags);

    /// <summary>Records the metrics of one step; a metric logged again at the same step replaces the old value.</summary>
    void LogMetrics(long runId, int step, IReadOnlyDictionary<string, double> metrics);

    /// <summary>Records the final scores on one part of the data ("validation", "test").</summary>
    void LogFinalMetrics(long runId, string part, IReadOnlyDictionary<string, double> metrics);

    /// <summary>Records files of the run folder, by path relative to it.</summary>
    void AddArtifacts(long runId, IReadOnlyList<string> paths);

    /// <summary>Marks the run finished, failed or killed and stamps its end time.</summary>
    void FinishRun(long runId, RunStatus status);

    /// <summary>The newest runs first; <paramref name="nameContains"/> filters by name (case-insensitive).</summary>
    IReadOnlyList<RunSummary> ListRuns(string? nameContains = null, int limit = 50);

    /// <summary>The run with this id, or null.</summary>
    RunRecord? GetRun(long runId);

    /// <summary>The newest run recorded with this run folder (absolute path), or null.</summary>
    long? FindRunByFolder(string folder);

    /// <summary>All metric values of the run, by step then name.</summary>
    IReadOnlyList<MetricPoint> MetricSeries(long runId);

    /// <summary>The store, for messages (file path or server, never a password).</summary>
    string Describe { get; }
}
