using Lathe.Storage;

namespace Lathe.Tracking.Store;

/// <summary>Opens a run store from one text: memory, sqlite (&lt;runs-dir&gt;/lathe.db), sqlite:PATH, or a PostgreSQL URL.</summary>
public static class RunStoreUrl
{
    /// <param name="field">The config field or option that gave the text, for messages.</param>
    public static IRunStore Open(string text, string runsDirectory, string field = "tracking.storage")
    {
        var address = StorageAddress.Parse(text, runsDirectory, field);
        return address.Kind switch
        {
            StorageKind.Memory => new InMemoryRunStore(),
            StorageKind.Sqlite => new SqliteRunStore(address.Target),
            _ => new PostgresRunStore(address.Target),
        };
    }
}
