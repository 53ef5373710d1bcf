using Lathe.Storage;

namespace Lathe.Tuning.Storage;

/// <summary>
/// Opens study storage from one text: "memory", "sqlite" (the default file), "sqlite:PATH" or a path ending in
/// .db, or a PostgreSQL URL (postgres://user:password@host:port/database) or keyword string (Host=...;Database=...).
/// </summary>
public static class StorageUrl
{
    public const string DefaultSqliteFile = StorageAddress.DefaultSqliteFile;

    /// <param name="text">The storage setting.</param>
    /// <param name="defaultFolder">Where "sqlite" puts <see cref="DefaultSqliteFile"/> (the runs folder).</param>
    public static IStudyStorage Open(string text, string defaultFolder)
    {
        var address = StorageAddress.Parse(text, defaultFolder);
        return address.Kind switch
        {
            StorageKind.Memory => new InMemoryStudyStorage(),
            StorageKind.Sqlite => new SqliteStudyStorage(address.Target),
            _ => new PostgresStudyStorage(address.Target),
        };
    }

    public static bool IsPostgres(string text) => StorageAddress.IsPostgres(text);

    /// <summary>A postgres:// URL as an Npgsql keyword string; a keyword string as it is.</summary>
    public static string PostgresConnectionString(string text) => StorageAddress.PostgresConnectionString(text);

    /// <summary>The text with any password replaced, for messages.</summary>
    public static string Redact(string text) => StorageAddress.Redact(text);
}
