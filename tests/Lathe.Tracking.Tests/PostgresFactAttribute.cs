namespace Lathe.Tracking.Tests;

/// <summary>
/// A test that needs the PostgreSQL server named by LATHE_TEST_POSTGRES (scripts/test.sh starts one): skipped
/// with a note without it, except under CI=true, where it runs and fails.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (ConnectionString is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "LATHE_TEST_POSTGRES is not set: run scripts/test.sh (as root, it starts a throwaway PostgreSQL 15), " +
                   "or `eval \"$(scripts/start-postgres.sh)\"` and then dotnet test.";
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable("LATHE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static string Required =>
        ConnectionString ?? throw new InvalidOperationException("CI=true but LATHE_TEST_POSTGRES is not set: scripts/test.sh must start PostgreSQL.");
}
