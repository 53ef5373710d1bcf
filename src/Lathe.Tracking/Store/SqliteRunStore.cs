using Lathe.Storage;

namespace Lathe.Tracking.Store;

/// <summary>A run store in a SQLite file: the default (&lt;runs-dir&gt;/lathe.db, shared with study storage), in WAL mode.</summary>
public sealed class SqliteRunStore(string path) : SqlRunStore(new SqliteDialect(path, "run database"))
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);
}
