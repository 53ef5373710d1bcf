using System.Diagnostics;
using System.Globalization;
using Lathe.Tracking.Recording;
using Lathe.Tracking.Store;

namespace Lathe.Tracking.Tests;

public sealed class RunLivenessTests
{
    [Fact]
    public void A_running_run_whose_process_was_killed_outright_is_marked_killed()
    {
        using var store = new InMemoryRunStore();
        // The recorder tags its run with this process, which is alive: the run stays running.
        using var recorder = RunRecorder.Start(new RunStart { Name = "alive", Folder = "/tmp/a" }, null, store, _ => { });
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), store.GetRun(recorder.RunId!.Value)!.Tags[RunLiveness.ProcessIdTag]);

        // A process that is SIGKILLed and cannot mark its own run.
        using var victim = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        var started = new DateTimeOffset(victim.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
        var dead = store.CreateRun(new RunStart { Name = "dead", Folder = "/tmp/d", Tags = Tags(victim.Id, started) });
        Assert.True(RunLiveness.IsAlive(victim.Id, started));
        victim.Kill();
        victim.WaitForExit();

        // Same process id but another start time: another process that got the id.
        var reused = store.CreateRun(new RunStart { Name = "reused", Folder = "/tmp/r", Tags = Tags(Environment.ProcessId, started - 3600) });
        var elsewhere = store.CreateRun(new RunStart { Name = "elsewhere", Folder = "/tmp/e", Host = "another-machine", Tags = Tags(victim.Id, started) });
        var untagged = store.CreateRun(new RunStart { Name = "old", Folder = "/tmp/o" });

        var marked = RunLiveness.MarkVanished(store, store.ListRuns());
        Assert.Equal([dead, reused], marked.Order());
        Assert.Equal(RunStatus.Killed, store.GetRun(dead)!.Summary.Status);
        Assert.NotNull(store.GetRun(dead)!.Summary.EndedAt);
        Assert.Equal(RunStatus.Running, store.GetRun(recorder.RunId!.Value)!.Summary.Status);
        Assert.Equal(RunStatus.Running, store.GetRun(elsewhere)!.Summary.Status); // cannot be checked from here
        Assert.Equal(RunStatus.Running, store.GetRun(untagged)!.Summary.Status);
        Assert.Empty(RunLiveness.MarkVanished(store, store.ListRuns())); // once
    }

    private static Dictionary<string, string> Tags(int pid, double started) => new()
    {
        [RunLiveness.ProcessIdTag] = pid.ToString(CultureInfo.InvariantCulture),
        [RunLiveness.ProcessStartTag] = started.ToString("R", CultureInfo.InvariantCulture),
    };
}
