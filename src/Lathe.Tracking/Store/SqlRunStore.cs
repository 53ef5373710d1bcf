using Lathe.Storage;

namespace Lathe.Tracking.Store;

/// <summary>
/// A run store in a SQL database (the tables in <see cref="RunSchema"/>). Each call opens a pooled connection
/// and writes in one short exclusive transaction, so many threads and processes can record into one database.
/// Non-finite values (a diverged loss) are not stored: SQLite cannot keep NaN.
/// </summary>
public abstract class SqlRunStore : IRunStore
{
    private readonly SqlDialect _dialect;

    private protected SqlRunStore(SqlDialect dialect)
    {
        _dialect = dialect;
        RunSchema.Migrate(dialect);
    }

    public string Describe => _dialect.Describe;

    public long CreateRun(RunStart start)
    {
        using var s = Write(null);
        var id = Convert.ToInt64(s.Scalar(
            "INSERT INTO runs_runs (name, folder, config, status, started_at, host) VALUES (@n, @f, @c, 'running', @t, @h) RETURNING run_id",
            ("@n", start.Name), ("@f", start.Folder), ("@c", start.ConfigText), ("@t", Clock.Now), ("@h", start.Host)));
        foreach (var (k, v) in start.Params) s.Execute("INSERT INTO runs_params (run_id, key, value) VALUES (@r, @k, @v)", ("@r", id), ("@k", k), ("@v", v));
        WriteTags(s, id, start.Tags);
        s.Commit();
        return id;
    }

    public void SetTags(long runId, IReadOnlyDictionary<string, string> tags)
    {
        using var s = Write(runId);
        WriteTags(s, runId, tags);
        s.Commit();
    }

    public void LogMetrics(long runId, int step, IReadOnlyDictionary<string, double> metrics)
    {
        using var s = Write(runId);
        foreach (var (name, value) in metrics.Where(kv => double.IsFinite(kv.Value)))
            s.Execute("INSERT INTO runs_metrics (run_id, step, name, value) VALUES (@r, @s, @n, @v) " +
                      "ON CONFLICT (run_id, name, step) DO UPDATE SET value = excluded.value",
                ("@r", runId), ("@s", step), ("@n", name), ("@v", value));
        s.Commit();
    }

    public void LogFinalMetrics(long runId, string part, IReadOnlyDictionary<string, double> metrics)
    {
        using var s = Write(runId);
        foreach (var (name, value) in metrics.Where(kv => double.IsFinite(kv.Value)))
            s.Execute("INSERT INTO runs_final (run_id, part, name, value) VALUES (@r, @p, @n, @v) " +
                      "ON CONFLICT (run_id, part, name) DO UPDATE SET value = excluded.value",
                ("@r", runId), ("@p", part), ("@n", name), ("@v", value));
        s.Commit();
    }

    public void AddArtifacts(long runId, IReadOnlyList<string> paths)
    {
        using var s = Write(runId);
        foreach (var path in paths)
            s.Execute("INSERT INTO runs_artifacts (run_id, path) VALUES (@r, @p) ON CONFLICT (run_id, path) DO NOTHING", ("@r", runId), ("@p", path));
        s.Commit();
    }

    public void FinishRun(long runId, RunStatus status)
    {
        using var s = Write(runId);
        s.Execute("UPDATE runs_runs SET status = @s, ended_at = @t WHERE run_id = @r", ("@s", status.Name()), ("@t", Clock.Now), ("@r", runId));
        s.Commit();
    }

    public IReadOnlyList<RunSummary> ListRuns(string? nameContains = null, int limit = 50)
    {
        using var s = Read();
        var filter = nameContains is null ? "" : "WHERE LOWER(name) LIKE @f ESCAPE '\\' ";
        var pattern = "%" + (nameContains ?? "").ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return s.Query($"{SummaryColumns} {filter}ORDER BY run_id DESC LIMIT @l", ReadSummary, ("@f", pattern), ("@l", limit));
    }

    public RunRecord? GetRun(long runId)
    {
        using var s = Read();
        var summary = s.Query($"{SummaryColumns} WHERE run_id = @r", ReadSummary, ("@r", runId)).SingleOrDefault();
        if (summary is null) return null;
        var config = (string)s.Scalar("SELECT config FROM runs_runs WHERE run_id = @r", ("@r", runId))!;
        Dictionary<string, string> Pairs(string table) =>
            s.Query($"SELECT key, value FROM {table} WHERE run_id = @r", r => (r.GetString(0), r.GetString(1)), ("@r", runId))
                .ToDictionary(p => p.Item1, p => p.Item2);
        var final = s.Query("SELECT part, name, value FROM runs_final WHERE run_id = @r", r => (Part: r.GetString(0), Name: r.GetString(1), Value: r.GetDouble(2)), ("@r", runId))
            .GroupBy(m => m.Part)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, double>)g.ToDictionary(m => m.Name, m => m.Value));
        var artifacts = s.Query("SELECT path FROM runs_artifacts WHERE run_id = @r", r => r.GetString(0), ("@r", runId)).Order(StringComparer.Ordinal).ToList();
        return new RunRecord(summary, config, Pairs("runs_params"), Pairs("runs_tags"), final, artifacts);
    }

    public long? FindRunByFolder(string folder)
    {
        using var s = Read();
        return s.Scalar("SELECT MAX(run_id) FROM runs_runs WHERE folder = @f", ("@f", folder)) is { } id ? Convert.ToInt64(id) : null;
    }

    public IReadOnlyList<MetricPoint> MetricSeries(long runId)
    {
        using var s = Read();
        return s.Query("SELECT step, name, value FROM runs_metrics WHERE run_id = @r", r => new MetricPoint(Convert.ToInt32(r.GetValue(0)), r.GetString(1), r.GetDouble(2)), ("@r", runId))
            .OrderBy(p => p.Step).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private const string SummaryColumns = "SELECT run_id, name, folder, status, started_at, ended_at, host FROM runs_runs";

    private static RunSummary ReadSummary(System.Data.Common.DbDataReader r) =>
        new(Convert.ToInt64(r.GetValue(0)), r.GetString(1), r.GetString(2), RunStatusNames.Parse(r.GetString(3)),
            Convert.ToDouble(r.GetValue(4)), SqlSession.NullableDouble(r, 5), r.GetString(6));

    private static void WriteTags(SqlSession s, long runId, IReadOnlyDictionary<string, string> tags)
    {
        foreach (var (k, v) in tags)
            s.Execute("INSERT INTO runs_tags (run_id, key, value) VALUES (@r, @k, @v) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value",
                ("@r", runId), ("@k", k), ("@v", v));
    }

    private SqlSession Read() => new(_dialect.Open());

    // Writes take the lock up front (SQLite: BEGIN IMMEDIATE, waiting on busy_timeout), so concurrent writers queue instead of failing.
    private SqlSession Write(long? runId)
    {
        var connection = _dialect.Open();
        return new SqlSession(connection, _dialect.BeginExclusive(connection, runId));
    }
}
