using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Lathe.Storage;

/// <summary>
/// A SQLite file. WAL lets readers run beside the one writer; writers that must not interleave take the write
/// lock up front (BEGIN IMMEDIATE) and wait for each other (busy_timeout) instead of failing.
/// </summary>
public sealed class SqliteDialect : SqlDialect
{
    private const int BusyMilliseconds = 60_000;
    private readonly string _connectionString;
    private readonly string _what;

    /// <param name="path">The database file; its folder is created.</param>
    /// <param name="what">What the file holds, for messages ("study database").</param>
    public SqliteDialect(string path, string what)
    {
        Path = System.IO.Path.GetFullPath(path);
        _what = what;
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw LatheException.BadConfig($"{Path}: cannot create the folder for the {what} ({e.Message}).");
        }
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyMilliseconds / 1000,
        }.ToString();
        using var connection = Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL";
        wal.ExecuteNonQuery();
    }

    public string Path { get; }

    public override string IdColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override string Now => "((julianday('now') - 2440587.5) * 86400.0)";

    public override string Describe => Path;

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw LatheException.BadConfig($"{Path}: cannot open the {_what} ({e.Message}).");
        }
        using var busy = connection.CreateCommand();
        busy.CommandText = $"PRAGMA busy_timeout = {BusyMilliseconds}";
        busy.ExecuteNonQuery();
        return connection;
    }

    // deferred: false makes Microsoft.Data.Sqlite issue BEGIN IMMEDIATE: the write lock is taken now, not at
    // the first write, so two writers never both read "next number is 7".
    public override DbTransaction BeginExclusive(DbConnection connection, long? key) =>
        ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
}
