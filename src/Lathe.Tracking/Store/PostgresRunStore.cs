using Lathe.Storage;

namespace Lathe.Tracking.Store;

/// <summary>A run store in PostgreSQL, for runs on many machines recording into one place.</summary>
public sealed class PostgresRunStore : SqlRunStore
{
    // Advisory lock keys for run writes, apart from the study storage's range.
    private const long LockBase = 0x4C41_5452_0000_0000;
    private readonly PostgresDialect _dialect;

    public PostgresRunStore(string connectionString) : this(new PostgresDialect(connectionString, "run database", LockBase)) { }

    private PostgresRunStore(PostgresDialect dialect) : base(dialect) => _dialect = dialect;

    public override void Dispose()
    {
        _dialect.Dispose();
        base.Dispose();
    }
}
