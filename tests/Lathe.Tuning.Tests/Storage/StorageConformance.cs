using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Lathe.Tuning.Distributions;
using Lathe.Tuning.Samplers;
using Lathe.Tuning.Storage;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Tests.Storage;

/// <summary>One suite every study storage passes: the same behaviour whether a study lives in memory, SQLite or PostgreSQL.</summary>
public abstract class StorageConformance
{
    protected abstract IStudyStorage Create();

    /// <summary>A study name no other test run used (databases outlive test runs).</summary>
    protected static string NewName() => "study-" + Guid.NewGuid().ToString("N")[..10];

    protected void CreatesAndJoinsStudiesByName()
    {
        using var storage = Create();
        var name = NewName();
        var created = storage.CreateOrLoadStudy(name, StudyDirection.Maximize);
        var joined = storage.CreateOrLoadStudy(name, StudyDirection.Maximize);
        Assert.Equal(created, joined);
        Assert.Equal(created, storage.FindStudy(name));
        Assert.Contains(created, storage.Studies());
        var e = Assert.Throws<LatheException>(() => storage.CreateOrLoadStudy(name, StudyDirection.Minimize));
        Assert.Contains("maximize", e.Message);
    }

    protected void KeepsParamsValuesAndAttributes()
    {
        using var storage = Create();
        var study = storage.CreateOrLoadStudy(NewName(), StudyDirection.Minimize);
        var trial = storage.StartTrial(study.Id, new TrialRequest { Worker = "w1" })!;
        var choice = new CategoricalDistribution([JsonNode.Parse("[128, 64]"), JsonValue.Create("x"), null]);
        storage.SetParam(trial.Id, "lr", 0.01, new FloatDistribution(1e-4, 1, log: true));
        storage.SetParam(trial.Id, "hidden", 0, choice);
        storage.ReportIntermediate(trial.Id, 1, 0.5);
        storage.ReportIntermediate(trial.Id, 2, 0.25);
        storage.SetUserAttr(trial.Id, "run", "\"runs/a\"");
        Assert.True(storage.FinishTrial(trial.Id, TrialState.Complete, 0.2));
        Assert.False(storage.FinishTrial(trial.Id, TrialState.Failed, null)); // once finished, never rewritten

        var read = Assert.Single(storage.Trials(study.Id));
        Assert.Equal(TrialState.Complete, read.State);
        Assert.Equal(0.2, read.Value);
        Assert.Equal("w1", read.Worker);
        Assert.Equal(0.01, read.Param("lr"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[128, 64]"), (JsonNode?)read.Param("hidden")));
        Assert.True(read.Distributions["hidden"].SameAs(choice));
        Assert.Equal([0.5, 0.25], read.IntermediateValues.Values);
        Assert.Equal("\"runs/a\"", read.UserAttrs["run"]);
        Assert.True(read.CompletedAt >= read.StartedAt);
    }

    protected void HandsOutQueuedTrialsFirstAndRespectsLimits()
    {
        using var storage = Create();
        var study = storage.CreateOrLoadStudy(NewName(), StudyDirection.Minimize);
        var d = new IntDistribution(0, 10);
        Assert.True(storage.EnqueueOnce(study.Id, "grid", [[new QueuedParam("k", 3, d)], [new QueuedParam("k", 7, d)]]));
        Assert.False(storage.EnqueueOnce(study.Id, "grid", [[new QueuedParam("k", 3, d)]]));

        var first = storage.StartTrial(study.Id, new TrialRequest { Worker = "w", QueuedOnly = true })!;
        var second = storage.StartTrial(study.Id, new TrialRequest { Worker = "w", QueuedOnly = true })!;
        Assert.Equal([3.0, 7.0], new[] { first.InternalParams["k"], second.InternalParams["k"] });
        Assert.Null(storage.StartTrial(study.Id, new TrialRequest { Worker = "w", QueuedOnly = true }));

        Assert.Null(storage.StartTrial(study.Id, new TrialRequest { Worker = "w", MaxTrials = 2 }));
        storage.FinishTrial(first.Id, TrialState.Failed, null); // failed trials do not count towards the limit
        var third = storage.StartTrial(study.Id, new TrialRequest { Worker = "w", MaxTrials = 2 })!;
        Assert.Equal(2, third.Number);
        Assert.Empty(third.InternalParams);
    }

    protected void ReapsTrialsWithoutHeartbeat()
    {
        using var storage = Create();
        var study = storage.CreateOrLoadStudy(NewName(), StudyDirection.Minimize);
        var alive = storage.StartTrial(study.Id, new TrialRequest { Worker = "alive" })!;
        var dead = storage.StartTrial(study.Id, new TrialRequest { Worker = "dead" })!;
        storage.SetParam(dead.Id, "k", 4, new IntDistribution(0, 10));
        Thread.Sleep(1500);
        storage.Heartbeat(alive.Id);
        var reaped = storage.ReapStaleTrials(study.Id, graceSeconds: 1.0, requeue: true);

        Assert.Equal([dead.Number], reaped.Select(t => t.Number));
        var trials = storage.Trials(study.Id);
        Assert.Equal(TrialState.Running, trials.Single(t => t.Id == alive.Id).State);
        Assert.Equal(TrialState.Failed, trials.Single(t => t.Id == dead.Id).State);
        var queued = Assert.Single(trials, t => t.State == TrialState.Waiting);
        Assert.Equal(4.0, queued.InternalParams["k"]);
        Assert.False(storage.FinishTrial(dead.Id, TrialState.Complete, 1.0)); // a late result from the "dead" worker is refused
    }

    protected void ThreadsNeverShareATrialNumber()
    {
        using var storage = Create();
        var study = storage.CreateOrLoadStudy(NewName(), StudyDirection.Minimize);
        var numbers = new ConcurrentBag<int>();
        Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 6 }, w =>
        {
            for (var i = 0; i < 8; i++)
            {
                var t = storage.StartTrial(study.Id, new TrialRequest { Worker = $"w{w}", MaxTrials = 40 });
                if (t is null) return;
                numbers.Add(t.Number);
                storage.FinishTrial(t.Id, TrialState.Complete, i);
            }
        });
        Assert.Equal(40, numbers.Count);
        Assert.Equal(Enumerable.Range(0, 40), numbers.Order());
    }

    protected void GridStudyVisitsEveryPointOnceAcrossWorkers()
    {
        using var storage = Create();
        var name = NewName();
        var space = new Dictionary<string, ParamDistribution> { ["a"] = new IntDistribution(0, 4), ["b"] = CategoricalDistribution.Of(new[] { "x", "y", "z" }) };
        var seen = new ConcurrentBag<string>();
        Parallel.For(0, 3, new ParallelOptions { MaxDegreeOfParallelism = 3 }, _ =>
        {
            var study = Study.CreateOrLoad(name, storage, new StudyOptions { Sampler = GridSampler.Product(space) });
            study.Optimize(trial =>
            {
                var a = trial.SuggestInt("a", 0, 4);
                var b = trial.SuggestCategorical("b", new[] { "x", "y", "z" });
                seen.Add($"{a}{b}");
                return a;
            }, new OptimizeLimits());
        });
        Assert.Equal(15, seen.Count);
        Assert.Equal(15, seen.Distinct().Count());
    }
}
