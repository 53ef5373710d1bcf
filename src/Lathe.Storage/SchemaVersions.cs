using System.Data.Common;

namespace Lathe.Storage;

/// <summary>
/// Versioned tables. <c>lathe_schema</c> holds one version per component ("tune", "runs"), so several stores
/// keep their own tables in one database. Opening brings a component to its newest version step by step, in
/// one exclusive transaction so that processes starting together agree; a newer version than this Lathe knows
/// is refused.
/// </summary>
public static class SchemaVersions
{
    /// <param name="steps">Statements that bring version i to i + 1, at index i.</param>
    /// <param name="targetVersion">The version to reach (tests build older databases); default: all steps.</param>
    /// <param name="what">What the tables hold, for messages ("study tables").</param>
    public static void Migrate(SqlDialect dialect, string component, IReadOnlyList<Func<SqlDialect, string[]>> steps, string what, int? targetVersion = null)
    {
        var newest = steps.Count;
        var target = targetVersion ?? newest;
        using var connection = dialect.Open();
        using var transaction = dialect.BeginExclusive(connection, key: null);
        Run(connection, transaction, "CREATE TABLE IF NOT EXISTS lathe_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL)");
        var version = Version(connection, transaction, component);
        if (version > newest)
            throw LatheException.BadConfig(
                $"{dialect.Describe}: its {what} are version {version}, newer than this Lathe knows ({newest}); update Lathe or use another storage.");
        for (var v = version; v < target; v++)
            foreach (var statement in steps[v](dialect)) Run(connection, transaction, statement);
        if (version < target)
        {
            Run(connection, transaction, version == 0
                ? $"INSERT INTO lathe_schema (component, version) VALUES ('{component}', {target})"
                : $"UPDATE lathe_schema SET version = {target} WHERE component = '{component}'");
        }
        transaction.Commit();
    }

    public static int Version(DbConnection connection, DbTransaction? transaction, string component)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT version FROM lathe_schema WHERE component = '{component}'";
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
