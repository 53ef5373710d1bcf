namespace Lathe.Storage;

/// <summary>Where a store lives, parsed from one setting.</summary>
public enum StorageKind { Memory, Sqlite, Postgres }

/// <summary>
/// Parses a storage setting: "memory", "sqlite" (the default file in a given folder), "sqlite:PATH" or a path
/// ending in .db/.sqlite, or a PostgreSQL URL (postgres://user:password@host:port/database) or keyword string
/// (Host=...;Database=...). <see cref="Target"/> is the file path or the connection text.
/// </summary>
public sealed record StorageAddress(StorageKind Kind, string Target)
{
    public const string DefaultSqliteFile = "lathe.db";

    /// <param name="text">The storage setting.</param>
    /// <param name="defaultFolder">Where "sqlite" puts <see cref="DefaultSqliteFile"/> (the runs folder).</param>
    /// <param name="field">The config field or option that gave the text, for messages.</param>
    public static StorageAddress Parse(string text, string defaultFolder, string field = "storage")
    {
        var t = text.Trim();
        if (t is "memory" or "inmemory") return new(StorageKind.Memory, "");
        if (t is "sqlite" or "") return new(StorageKind.Sqlite, Path.Combine(defaultFolder, DefaultSqliteFile));
        if (t.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = t["sqlite:".Length..];
            if (path.StartsWith("//")) path = path[2..]; // sqlite:///abs/path as well as sqlite:relative/path
            return path.Length > 0 ? new(StorageKind.Sqlite, path) : throw LatheException.BadConfig($"{field}: write sqlite:PATH, e.g. sqlite:runs/lathe.db.");
        }
        if (IsPostgres(t)) return new(StorageKind.Postgres, t);
        if (t.EndsWith(".db", StringComparison.OrdinalIgnoreCase) || t.EndsWith(".sqlite", StringComparison.OrdinalIgnoreCase))
            return new(StorageKind.Sqlite, t);
        throw LatheException.BadConfig(
            $"{field}: '{Redact(t)}' is not a storage; use memory, sqlite, sqlite:PATH, or a PostgreSQL URL postgres://user@host:port/database.");
    }

    public static bool IsPostgres(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>A postgres:// URL as an Npgsql keyword string; a keyword string as it is.</summary>
    public static string PostgresConnectionString(string text)
    {
        if (!text.Contains("://")) return text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            throw LatheException.BadConfig($"storage: '{Redact(text)}' is not a valid PostgreSQL URL (postgres://user:password@host:port/database).");
        var parts = new List<string> { $"Host={uri.Host}", $"Port={(uri.Port > 0 ? uri.Port : 5432)}" };
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0) parts.Add($"Database={database}");
        if (uri.UserInfo.Length > 0)
        {
            var user = uri.UserInfo.Split(':', 2);
            parts.Add($"Username={Uri.UnescapeDataString(user[0])}");
            if (user.Length > 1) parts.Add($"Password={Uri.UnescapeDataString(user[1])}");
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            parts.Add($"{Uri.UnescapeDataString(kv[0])}={(kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "")}");
        }
        return string.Join(";", parts);
    }

    /// <summary>The text with any password replaced, for messages.</summary>
    public static string Redact(string text) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(text, @"(://[^:/@]+:)[^@]*@", "$1***@"),
            @"(?i)(password=)[^;]*", "$1***");
}
