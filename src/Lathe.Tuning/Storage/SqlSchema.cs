using System.Data.Common;
using Lathe.Storage;

namespace Lathe.Tuning.Storage;

/// <summary>
/// The study tables and their versions (component "tune" in <c>lathe_schema</c>; see <see cref="SchemaVersions"/>).
/// </summary>
internal static class SqlSchema
{
    public const string Component = "tune";
    public const int CurrentVersion = 2;

    /// <summary>Version 1: studies, trials, params, intermediate values, attributes.</summary>
    public static string[] Version1(SqlDialect d) =>
    [
        "CREATE TABLE IF NOT EXISTS lathe_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL)",
        $"CREATE TABLE IF NOT EXISTS tune_studies (study_id {d.IdColumn}, name TEXT NOT NULL UNIQUE, direction TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL)",
        "CREATE TABLE IF NOT EXISTS tune_study_keys (study_id BIGINT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (study_id, key))",
        $"CREATE TABLE IF NOT EXISTS tune_trials (trial_id {d.IdColumn}, study_id BIGINT NOT NULL, number INTEGER NOT NULL, state TEXT NOT NULL, " +
            "value DOUBLE PRECISION, worker TEXT, created_at DOUBLE PRECISION NOT NULL, started_at DOUBLE PRECISION, completed_at DOUBLE PRECISION, " +
            "UNIQUE (study_id, number))",
        "CREATE INDEX IF NOT EXISTS tune_trials_state ON tune_trials (study_id, state)",
        "CREATE TABLE IF NOT EXISTS tune_trial_params (trial_id BIGINT NOT NULL, name TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, distribution TEXT NOT NULL, PRIMARY KEY (trial_id, name))",
        "CREATE TABLE IF NOT EXISTS tune_trial_values (trial_id BIGINT NOT NULL, step INTEGER NOT NULL, value DOUBLE PRECISION NOT NULL, PRIMARY KEY (trial_id, step))",
        "CREATE TABLE IF NOT EXISTS tune_trial_attrs (trial_id BIGINT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (trial_id, key))",
    ];

    /// <summary>Version 1 → 2: heartbeats get their own table; running trials start from their start time.</summary>
    public static string[] Version2(SqlDialect d) =>
    [
        "CREATE TABLE IF NOT EXISTS tune_trial_heartbeats (trial_id BIGINT PRIMARY KEY, beat_at DOUBLE PRECISION NOT NULL)",
        "INSERT INTO tune_trial_heartbeats (trial_id, beat_at) SELECT trial_id, COALESCE(started_at, created_at) FROM tune_trials " +
            "WHERE state = 'running' AND trial_id NOT IN (SELECT trial_id FROM tune_trial_heartbeats)",
    ];

    /// <summary>Creates or upgrades the tables, in one exclusive transaction so that workers starting together agree.</summary>
    public static void Migrate(SqlDialect dialect, int targetVersion = CurrentVersion) =>
        SchemaVersions.Migrate(dialect, Component, [Version1, Version2], "study tables", targetVersion);

    public static int Version(DbConnection connection, DbTransaction? transaction) => SchemaVersions.Version(connection, transaction, Component);
}
