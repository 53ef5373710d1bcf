using Lathe.Tuning.Storage;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Tests.Processes;

/// <summary>
/// Worker processes that share nothing but the storage: four of them on one study hand out every trial once,
/// and a worker killed with SIGKILL mid-trial has its trial reaped by another, which completes the study.
/// </summary>
public abstract class WorkerProcessTests
{
    protected abstract string StorageUrl { get; }

    protected abstract IStudyStorage OpenStorage();

    protected void FourWorkersRunEveryTrialOnce(string sampler)
    {
        var study = "four-" + sampler + "-" + Guid.NewGuid().ToString("N")[..8];
        var workers = Enumerable.Range(0, 4).Select(_ => WorkerProcess.Start(StorageUrl, study, "--trials", "10", "--sampler", sampler, "--grace", "30")).ToList();
        var outputs = workers.Select(w => WorkerProcess.Finish(w)).ToList();
        Assert.All(outputs, o => Assert.Contains("finished 10", o));

        using var storage = OpenStorage();
        var trials = storage.Trials(storage.FindStudy(study)!.Id);
        Assert.Equal(40, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal(Enumerable.Range(0, 40), trials.Select(t => t.Number).Order());
        Assert.Equal(4, trials.Select(t => t.Worker).Distinct().Count());
        if (sampler == "grid") // 5 x values × 4 y values × 2 choices: every point once
            Assert.Equal(40, trials.Select(t => $"{t.InternalParams["x"]}/{t.InternalParams["y"]}/{t.InternalParams["c"]}").Distinct().Count());
    }

    protected void KilledWorkersTrialIsReapedAndTheStudyCompletes()
    {
        var study = "kill-" + Guid.NewGuid().ToString("N")[..8];
        var marker = Path.Combine(Path.GetTempPath(), study + ".started");
        var doomed = WorkerProcess.Start(StorageUrl, study, "--study-trials", "6", "--hang-marker", marker, "--heartbeat", "0.5", "--grace", "2");
        try
        {
            var waited = 0;
            while (!File.Exists(marker) && waited++ < 600) Thread.Sleep(100);
            Assert.True(File.Exists(marker), "the first worker never started its trial");
            doomed.Kill(); // SIGKILL: no cleanup, no last heartbeat
            doomed.WaitForExit();
        }
        finally
        {
            File.Delete(marker);
        }
        // Its trial still says "running" and counts towards the 6; the next worker runs 5, waits for that trial,
        // reaps it once its heartbeat is older than the grace period, and runs the sixth.
        var output = WorkerProcess.Finish(WorkerProcess.Start(StorageUrl, study, "--study-trials", "6", "--heartbeat", "0.5", "--grace", "2"));
        Assert.Contains("finished 6", output);

        using var storage = OpenStorage();
        var trials = storage.Trials(storage.FindStudy(study)!.Id);
        var dead = Assert.Single(trials, t => t.State == TrialState.Failed);
        Assert.Equal(0, dead.Number);
        Assert.Equal(6, trials.Count(t => t.State == TrialState.Complete));
        Assert.DoesNotContain(trials, t => t.State == TrialState.Running);
    }
}

[Collection("worker processes")] // one set of worker processes at a time: 2 cores
public sealed class SqliteWorkerProcessTests : WorkerProcessTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lathe-workers-" + Guid.NewGuid().ToString("N")[..10]);

    protected override string StorageUrl => "sqlite:" + Path.Combine(_folder, "lathe.db");

    protected override IStudyStorage OpenStorage() => new SqliteStudyStorage(Path.Combine(_folder, "lathe.db"));

    [Fact] public void Four_workers_run_every_trial_once_random() => FourWorkersRunEveryTrialOnce("random");
    [Fact] public void Four_workers_run_every_grid_point_once() => FourWorkersRunEveryTrialOnce("grid");
    [Fact] public void Killed_workers_trial_is_reaped_and_the_study_completes() => KilledWorkersTrialIsReapedAndTheStudyCompletes();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

[Collection("worker processes")]
public sealed class PostgresWorkerProcessTests : WorkerProcessTests
{
    protected override string StorageUrl => PostgresServer.Required;

    protected override IStudyStorage OpenStorage() => new PostgresStudyStorage(PostgresServer.Required);

    [PostgresFact] public void Four_workers_run_every_trial_once_random() => FourWorkersRunEveryTrialOnce("random");
    [PostgresFact] public void Four_workers_run_every_grid_point_once() => FourWorkersRunEveryTrialOnce("grid");
    [PostgresFact] public void Killed_workers_trial_is_reaped_and_the_study_completes() => KilledWorkersTrialIsReapedAndTheStudyCompletes();
}
