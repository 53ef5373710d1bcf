using System.Data.Common;

namespace Lathe.Storage;

/// <summary>What differs between the SQL databases a store (studies, runs) can live in; the statements themselves are shared.</summary>
public abstract class SqlDialect
{
    /// <summary>Column type of an auto-numbered primary key.</summary>
    public abstract string IdColumn { get; }

    /// <summary>An expression for the database's clock in unix seconds (a double).</summary>
    public abstract string Now { get; }

    public abstract DbConnection Open();

    /// <summary>
    /// Starts a transaction that writers holding the same key (a study; with no key, the schema and the list of
    /// studies or runs) run one at a time, so numbers and queued work are handed out once.
    /// </summary>
    public abstract DbTransaction BeginExclusive(DbConnection connection, long? key);

    /// <summary>Describes the database for messages, without any password.</summary>
    public abstract string Describe { get; }
}
