namespace Lathe.Tracking.Store;

/// <summary>A run store in this process's memory: for tests and the C# API; gone when the process ends. Like the SQL stores, it skips non-finite values.</summary>
public sealed class InMemoryRunStore : IRunStore
{
    private readonly Lock _lock = new();
    private readonly List<Entry> _runs = [];

    public string Describe => "memory";

    public long CreateRun(RunStart start)
    {
        lock (_lock)
        {
            var id = _runs.Count + 1L;
            var entry = new Entry(new RunSummary(id, start.Name, start.Folder, RunStatus.Running, Clock.Now, null, start.Host), start.ConfigText);
            foreach (var (k, v) in start.Params) entry.Params[k] = v;
            foreach (var (k, v) in start.Tags) entry.Tags[k] = v;
            _runs.Add(entry);
            return id;
        }
    }

    public void SetTags(long runId, IReadOnlyDictionary<string, string> tags) => Change(runId, e => { foreach (var (k, v) in tags) e.Tags[k] = v; });

    public void LogMetrics(long runId, int step, IReadOnlyDictionary<string, double> metrics) =>
        Change(runId, e => { foreach (var (k, v) in metrics.Where(kv => double.IsFinite(kv.Value))) e.Series[(step, k)] = v; });

    public void LogFinalMetrics(long runId, string part, IReadOnlyDictionary<string, double> metrics) =>
        Change(runId, e =>
        {
            if (!e.Final.TryGetValue(part, out var values)) e.Final[part] = values = [];
            foreach (var (k, v) in metrics.Where(kv => double.IsFinite(kv.Value))) values[k] = v;
        });

    public void AddArtifacts(long runId, IReadOnlyList<string> paths) => Change(runId, e => e.Artifacts.UnionWith(paths));

    public void FinishRun(long runId, RunStatus status) =>
        Change(runId, e => e.Summary = e.Summary with { Status = status, EndedAt = Clock.Now });

    public IReadOnlyList<RunSummary> ListRuns(string? nameContains = null, int limit = 50)
    {
        lock (_lock)
            return [.. _runs.Select(e => e.Summary)
                .Where(s => nameContains is null || s.Name.Contains(nameContains, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(s => s.Id).Take(limit)];
    }

    public RunRecord? GetRun(long runId)
    {
        lock (_lock)
        {
            if (Find(runId) is not { } e) return null;
            return new RunRecord(e.Summary, e.ConfigText, new Dictionary<string, string>(e.Params), new Dictionary<string, string>(e.Tags),
                e.Final.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>(kv.Value)),
                [.. e.Artifacts.Order(StringComparer.Ordinal)]);
        }
    }

    public long? FindRunByFolder(string folder)
    {
        lock (_lock) return _runs.LastOrDefault(e => e.Summary.Folder == folder)?.Summary.Id;
    }

    public IReadOnlyList<MetricPoint> MetricSeries(long runId)
    {
        lock (_lock)
            return Find(runId) is { } e
                ? [.. e.Series.Select(kv => new MetricPoint(kv.Key.Step, kv.Key.Name, kv.Value)).OrderBy(p => p.Step).ThenBy(p => p.Name, StringComparer.Ordinal)]
                : [];
    }

    public void Dispose() { }

    private Entry? Find(long runId) => runId >= 1 && runId <= _runs.Count ? _runs[(int)runId - 1] : null;

    private void Change(long runId, Action<Entry> change)
    {
        lock (_lock) change(Find(runId) ?? throw LatheException.BadConfig($"run {runId} is not in the run store (memory)."));
    }

    private sealed class Entry(RunSummary summary, string configText)
    {
        public RunSummary Summary { get; set; } = summary;
        public string ConfigText { get; } = configText;
        public Dictionary<string, string> Params { get; } = [];
        public Dictionary<string, string> Tags { get; } = [];
        public Dictionary<(int Step, string Name), double> Series { get; } = [];
        public Dictionary<string, Dictionary<string, double>> Final { get; } = [];
        public HashSet<string> Artifacts { get; } = [];
    }
}
