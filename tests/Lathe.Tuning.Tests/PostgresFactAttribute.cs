namespace Lathe.Tuning.Tests;

/// <summary>
/// A test that needs the PostgreSQL server named by LATHE_TEST_POSTGRES (scripts/test.sh starts one). Without
/// it the test is skipped with a note on how to run it, except under CI=true, where it runs and fails: a CI that
/// silently skips its database tests would prove nothing.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.ConnectionString is null && !PostgresServer.InCi)
            Skip = "LATHE_TEST_POSTGRES is not set: run scripts/test.sh (as root, it starts a throwaway PostgreSQL 15), " +
                   "or `eval \"$(scripts/start-postgres.sh)\"` and then dotnet test.";
    }
}

public static class PostgresServer
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("LATHE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>The connection string, or a failure that says why there is none.</summary>
    public static string Required =>
        ConnectionString ?? throw new InvalidOperationException("CI=true but LATHE_TEST_POSTGRES is not set: scripts/test.sh must start PostgreSQL.");
}
