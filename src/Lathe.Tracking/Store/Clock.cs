namespace Lathe.Tracking.Store;

/// <summary>The writer's clock in unix seconds: run times are stamped by the process that runs them.</summary>
internal static class Clock
{
    public static double Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
}
