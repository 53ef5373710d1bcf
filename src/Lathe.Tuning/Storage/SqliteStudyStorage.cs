using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Lathe.Tuning.Storage;

/// <summary>
/// Study storage in a SQLite file: the default (runs/lathe.db), for workers on one machine. WAL lets readers
/// run beside the one writer; writers that hand out trials take the write lock up front (BEGIN IMMEDIATE) and
/// wait for each other (busy_timeout) instead of failing.
/// </summary>
public sealed class SqliteStudyStorage(string path) : SqlStudyStorage(new Dialect(path))
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Creates the tables of an older schema version (for the migration test).</summary>
    internal static void CreateAtVersion(string path, int version) => SqlSchema.Migrate(new Dialect(path), version);

    private sealed class Dialect : SqlDialect
    {
        private const int BusyMilliseconds = 60_000;
        private readonly string _connectionString;
        private readonly string _path;

        public Dialect(string path)
        {
            _path = System.IO.Path.GetFullPath(path);
            var folder = System.IO.Path.GetDirectoryName(_path)!;
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw LatheException.BadConfig($"{_path}: cannot create the folder for the study database ({e.Message}).");
            }
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = _path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                DefaultTimeout = BusyMilliseconds / 1000,
            }.ToString();
            using var connection = Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL";
            wal.ExecuteNonQuery();
        }

        public override string IdColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

        public override string Now => "((julianday('now') - 2440587.5) * 86400.0)";

        public override string Describe => _path;

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
                throw LatheException.BadConfig($"{_path}: cannot open the study database ({e.Message}).");
            }
            using var busy = connection.CreateCommand();
            busy.CommandText = $"PRAGMA busy_timeout = {BusyMilliseconds}";
            busy.ExecuteNonQuery();
            return connection;
        }

        // deferred: false makes Microsoft.Data.Sqlite issue BEGIN IMMEDIATE: the write lock is taken now, not at
        // the first write, so two workers never both read "next number is 7".
        public override DbTransaction BeginExclusive(DbConnection connection, long? studyId) =>
            ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
    }
}
