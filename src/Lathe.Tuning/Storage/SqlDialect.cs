using System.Data.Common;

namespace Lathe.Tuning.Storage;

/// <summary>What differs between the SQL databases a study can live in; the statements themselves are shared.</summary>
internal abstract class SqlDialect
{
    /// <summary>Column type of an auto-numbered primary key.</summary>
    public abstract string IdColumn { get; }

    /// <summary>An expression for the database's clock in unix seconds (a double).</summary>
    public abstract string Now { get; }

    public abstract DbConnection Open();

    /// <summary>
    /// Starts a transaction that writers of the same study (or, with no study, of the schema and study list) run
    /// one at a time, so trial numbers and queued trials are handed out once.
    /// </summary>
    public abstract DbTransaction BeginExclusive(DbConnection connection, long? studyId);

    /// <summary>Describes the database for messages, without any password.</summary>
    public abstract string Describe { get; }
}
