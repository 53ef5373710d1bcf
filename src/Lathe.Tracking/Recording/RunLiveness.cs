using System.Diagnostics;
using System.Globalization;
using Lathe.Tracking.Store;

namespace Lathe.Tracking.Recording;

/// <summary>
/// A process killed outright (kill -9, out of memory, power loss) cannot mark its run, which would stay "running"
/// for ever. Every recorded run carries its process's id and start time as tags; a run still "running" whose process
/// on this machine is gone (or is another process that got the same id) is marked killed when runs are listed.
/// Runs of other machines cannot be checked from here and are left as they are.
/// </summary>
public static class RunLiveness
{
    public const string ProcessIdTag = "lathe.pid";
    public const string ProcessStartTag = "lathe.process_start";

    /// <summary>The tags that identify the current process.</summary>
    public static IReadOnlyDictionary<string, string> ThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return new Dictionary<string, string>
        {
            [ProcessIdTag] = process.Id.ToString(CultureInfo.InvariantCulture),
            [ProcessStartTag] = StartSeconds(process).ToString("R", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Marks killed each running run of <paramref name="runs"/> whose process on this machine is gone; returns their ids.</summary>
    public static IReadOnlyList<long> MarkVanished(IRunStore store, IEnumerable<RunSummary> runs)
    {
        var vanished = new List<long>();
        foreach (var summary in runs.Where(r => r.Status == RunStatus.Running && r.Host == Environment.MachineName))
        {
            if (store.GetRun(summary.Id)?.Tags is not { } tags
                || !int.TryParse(tags.GetValueOrDefault(ProcessIdTag), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                || !double.TryParse(tags.GetValueOrDefault(ProcessStartTag), NumberStyles.Float, CultureInfo.InvariantCulture, out var started)
                || IsAlive(pid, started))
                continue;
            store.FinishRun(summary.Id, RunStatus.Killed);
            vanished.Add(summary.Id);
        }
        return vanished;
    }

    /// <summary>True when process <paramref name="pid"/> exists and started at <paramref name="startedAt"/> (unix seconds, to the second).</summary>
    public static bool IsAlive(int pid, double startedAt)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return Math.Abs(StartSeconds(process) - startedAt) < 1.5;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false; // no such process, or it exited while we looked
        }
    }

    private static double StartSeconds(Process process) =>
        new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
}
