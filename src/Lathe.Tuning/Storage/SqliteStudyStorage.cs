using Lathe.Storage;

namespace Lathe.Tuning.Storage;

/// <summary>
/// Study storage in a SQLite file: the default (runs/lathe.db), for workers on one machine. WAL lets readers
/// run beside the one writer; writers that hand out trials take the write lock up front (BEGIN IMMEDIATE) and
/// wait for each other (busy_timeout) instead of failing.
/// </summary>
public sealed class SqliteStudyStorage(string path) : SqlStudyStorage(new SqliteDialect(path, "study database"))
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Creates the tables of an older schema version (for the migration test).</summary>
    internal static void CreateAtVersion(string path, int version) => SqlSchema.Migrate(new SqliteDialect(path, "study database"), version);
}
