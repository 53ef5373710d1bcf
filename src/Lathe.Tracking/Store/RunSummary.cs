namespace Lathe.Tracking.Store;

/// <summary>One row of a run list. Times are unix seconds (UTC); <see cref="EndedAt"/> is null while running.</summary>
public sealed record RunSummary(long Id, string Name, string Folder, RunStatus Status, double StartedAt, double? EndedAt, string Host)
{
    public TimeSpan? Duration => EndedAt is { } end ? TimeSpan.FromSeconds(end - StartedAt) : null;

    public DateTimeOffset Started => DateTimeOffset.FromUnixTimeMilliseconds((long)(StartedAt * 1000));
}
