using Lathe.Tracking.Store;

namespace Lathe.Tracking.Tests.Store;

/// <summary>The behaviour every run store must show; each backend's test class runs it.</summary>
public abstract class RunStoreConformance
{
    protected abstract IRunStore Create();

    // A name unique to this test, since a PostgreSQL database outlives the test run.
    protected static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    protected void RecordsARunFromStartToFinish()
    {
        using var store = Create();
        var name = Unique("iris");
        var folder = $"/tmp/runs/{name}";
        var id = store.CreateRun(new RunStart
        {
            Name = name, Folder = folder, ConfigText = "model:\n  type: tree\n", Host = "box",
            Params = new Dictionary<string, string> { ["model.type"] = "tree", ["train.optimizer.lr"] = "0.001" },
            Tags = new Dictionary<string, string> { ["tune.study"] = "s" },
        });
        var started = store.GetRun(id)!;
        Assert.Equal(RunStatus.Running, started.Summary.Status);
        Assert.Null(started.Summary.EndedAt);

        store.LogMetrics(id, 1, new Dictionary<string, double> { ["train_loss"] = 1.0, ["val_loss"] = 1.5 });
        store.LogMetrics(id, 2, new Dictionary<string, double> { ["train_loss"] = 0.5, ["val_loss"] = double.NaN });
        store.LogMetrics(id, 2, new Dictionary<string, double> { ["train_loss"] = 0.25 }); // replaces step 2's value
        store.LogFinalMetrics(id, "validation", new Dictionary<string, double> { ["accuracy"] = 0.9 });
        store.LogFinalMetrics(id, "test", new Dictionary<string, double> { ["accuracy"] = 0.95, ["f1_macro"] = 0.94 });
        store.SetTags(id, new Dictionary<string, string> { ["tune.trial"] = "3", ["tune.study"] = "s2" });
        store.AddArtifacts(id, ["metrics.json", "model/model.json"]);
        store.AddArtifacts(id, ["metrics.json"]);
        store.FinishRun(id, RunStatus.Finished);

        var run = store.GetRun(id)!;
        Assert.Equal(name, run.Summary.Name);
        Assert.Equal(folder, run.Summary.Folder);
        Assert.Equal("box", run.Summary.Host);
        Assert.Equal("model:\n  type: tree\n", run.ConfigText);
        Assert.Equal(RunStatus.Finished, run.Summary.Status);
        Assert.True(run.Summary.EndedAt >= run.Summary.StartedAt);
        Assert.Equal("0.001", run.Params["train.optimizer.lr"]);
        Assert.Equal(new Dictionary<string, string> { ["tune.study"] = "s2", ["tune.trial"] = "3" }, run.Tags);
        Assert.Equal(0.9, run.FinalMetrics["validation"]["accuracy"]);
        Assert.Equal(0.94, run.FinalMetrics["test"]["f1_macro"]);
        Assert.Equal(["metrics.json", "model/model.json"], run.Artifacts);
        Assert.Equal(
            [new MetricPoint(1, "train_loss", 1.0), new MetricPoint(1, "val_loss", 1.5), new MetricPoint(2, "train_loss", 0.25)],
            store.MetricSeries(id));
        Assert.Equal(id, store.FindRunByFolder(folder));
        Assert.Null(store.FindRunByFolder(folder + "-other"));
    }

    protected void ListsNewestFirstAndFiltersByName()
    {
        using var store = Create();
        var tag = Unique("list");
        var a = store.CreateRun(new RunStart { Name = $"{tag}-alpha", Folder = "/a" });
        var b = store.CreateRun(new RunStart { Name = $"{tag}-beta", Folder = "/b" });
        var c = store.CreateRun(new RunStart { Name = $"{tag}-ALPHA2", Folder = "/c" });
        store.FinishRun(b, RunStatus.Failed);
        Assert.Equal([c, b, a], store.ListRuns(tag).Select(r => r.Id));
        Assert.Equal([c, a], store.ListRuns($"{tag}-alpha").Select(r => r.Id));
        Assert.Equal([c], store.ListRuns(tag, limit: 1).Select(r => r.Id));
        Assert.Equal(RunStatus.Failed, store.ListRuns($"{tag}-beta").Single().Status);
        Assert.Empty(store.ListRuns(tag + "%"));
        Assert.Null(store.GetRun(-5));
    }

    /// <summary>Several writers at once (threads here; SQLite also across processes, see the SQLite tests) lose no rows.</summary>
    protected void ConcurrentWritersLoseNothing()
    {
        using var store = Create();
        var name = Unique("threads");
        Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 6 }, w =>
        {
            var id = store.CreateRun(new RunStart { Name = $"{name}-{w}", Folder = $"/w{w}" });
            for (var step = 1; step <= 20; step++) store.LogMetrics(id, step, new Dictionary<string, double> { ["loss"] = step * w });
            store.FinishRun(id, RunStatus.Finished);
        });
        var runs = store.ListRuns(name, limit: 100);
        Assert.Equal(6, runs.Count);
        Assert.All(runs, r => Assert.Equal(20, store.MetricSeries(r.Id).Count));
    }
}
