using Lathe.Storage;

namespace Lathe.Tuning.Storage;

/// <summary>
/// Study storage in PostgreSQL, for workers on many machines. Steps that hand out trials of a study hold a
/// transaction-scoped advisory lock on that study, so they run one at a time across all connections.
/// </summary>
public sealed class PostgresStudyStorage : SqlStudyStorage
{
    // Advisory lock keys: one for the schema and study list, one per study above it.
    private const long LockBase = 0x4C41_5448_0000_0000;
    private readonly PostgresDialect _dialect;

    public PostgresStudyStorage(string connectionString) : this(new PostgresDialect(connectionString, "study database", LockBase)) { }

    private PostgresStudyStorage(PostgresDialect dialect) : base(dialect) => _dialect = dialect;

    public override void Dispose()
    {
        _dialect.Dispose();
        base.Dispose();
    }
}
