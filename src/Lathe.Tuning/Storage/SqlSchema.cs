using System.Data.Common;

namespace Lathe.Tuning.Storage;

/// <summary>
/// The study tables and their versions. <c>lathe_schema</c> holds one version per component ("tune" here), so
/// other stores (a run store) can keep their own tables in the same database. Opening a database brings it to
/// <see cref="CurrentVersion"/> step by step; a newer database than this Lathe knows is refused.
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
    public static void Migrate(SqlDialect dialect, int targetVersion = CurrentVersion)
    {
        using var connection = dialect.Open();
        using var transaction = dialect.BeginExclusive(connection, studyId: null);
        Run(connection, transaction, "CREATE TABLE IF NOT EXISTS lathe_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL)");
        var version = Version(connection, transaction);
        if (version > CurrentVersion)
            throw LatheException.BadConfig(
                $"{dialect.Describe}: its study tables are version {version}, newer than this Lathe knows ({CurrentVersion}); update Lathe or use another storage.");
        var steps = new Func<SqlDialect, string[]>[] { Version1, Version2 };
        for (var v = version; v < targetVersion; v++)
            foreach (var statement in steps[v](dialect)) Run(connection, transaction, statement);
        if (version < targetVersion)
        {
            Run(connection, transaction, version == 0
                ? $"INSERT INTO lathe_schema (component, version) VALUES ('{Component}', {targetVersion})"
                : $"UPDATE lathe_schema SET version = {targetVersion} WHERE component = '{Component}'");
        }
        transaction.Commit();
    }

    public static int Version(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT version FROM lathe_schema WHERE component = '{Component}'";
        return command.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt32(v) : 0;
    }

    private static void Run(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
