using Lathe.Storage;

namespace Lathe.Tracking.Store;

/// <summary>The run tables (prefix runs_) and their versions: component "runs" in lathe_schema.</summary>
internal static class RunSchema
{
    public const string Component = "runs";

    /// <summary>Version 1: runs, params, tags, metric series, final metrics, artifacts.</summary>
    public static string[] Version1(SqlDialect d) =>
    [
        $"CREATE TABLE IF NOT EXISTS runs_runs (run_id {d.IdColumn}, name TEXT NOT NULL, folder TEXT NOT NULL, config TEXT NOT NULL, " +
            "status TEXT NOT NULL, started_at DOUBLE PRECISION NOT NULL, ended_at DOUBLE PRECISION, host TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS runs_runs_folder ON runs_runs (folder)",
        "CREATE TABLE IF NOT EXISTS runs_params (run_id BIGINT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key))",
        "CREATE TABLE IF NOT EXISTS runs_tags (run_id BIGINT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key))",
        "CREATE TABLE IF NOT EXISTS runs_metrics (run_id BIGINT NOT NULL, step INTEGER NOT NULL, name TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, " +
            "PRIMARY KEY (run_id, name, step))",
        "CREATE TABLE IF NOT EXISTS runs_final (run_id BIGINT NOT NULL, part TEXT NOT NULL, name TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, " +
            "PRIMARY KEY (run_id, part, name))",
        "CREATE TABLE IF NOT EXISTS runs_artifacts (run_id BIGINT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (run_id, path))",
    ];

    public static void Migrate(SqlDialect dialect) => SchemaVersions.Migrate(dialect, Component, [Version1], "run tables");
}
