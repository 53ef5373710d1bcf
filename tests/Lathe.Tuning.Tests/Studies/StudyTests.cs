using Lathe.Tuning.Distributions;
using Lathe.Tuning.Samplers;
using Lathe.Tuning.Storage;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Tests.Studies;

public sealed class StudyTests
{
    [Fact]
    public void Enqueued_params_come_first_and_the_rest_is_sampled()
    {
        var study = Study.CreateOrLoad("q", new InMemoryStudyStorage(), new StudyOptions { Sampler = new RandomSampler(1) });
        study.Enqueue([new QueuedParam("lr", 0.01, new FloatDistribution(1e-4, 1, log: true))]);
        var first = study.Ask();
        Assert.Equal(0.01, first.SuggestFloat("lr", 1e-4, 1, log: true));
        Assert.InRange(first.SuggestInt("depth", 1, 5), 1, 5);
        study.Tell(first, 1.0);
        var second = study.Ask();
        Assert.NotEqual(0.01, second.SuggestFloat("lr", 1e-4, 1, log: true));
        // an enqueued value outside the range it is later asked for is a mistake, said plainly
        study.Enqueue([new QueuedParam("lr", 5, new FloatDistribution(1, 10))]);
        study.Tell(second, 2.0);
        var third = study.Ask();
        Assert.Throws<LatheException>(() => third.SuggestFloat("lr", 1e-4, 1, log: true));
    }

    [Fact]
    public void Failing_objectives_fail_their_trial_and_surface()
    {
        var study = Study.CreateOrLoad("f", new InMemoryStudyStorage(), new StudyOptions { Sampler = new RandomSampler(1) });
        var e = Assert.Throws<InvalidOperationException>(() =>
            study.Optimize(_ => throw new InvalidOperationException("boom"), new OptimizeLimits { Trials = 3 }));
        Assert.Equal("boom", e.Message);
        Assert.Equal(TrialState.Failed, Assert.Single(study.Trials).State);
        study.Optimize(_ => double.NaN, new OptimizeLimits { Trials = 1 });
        Assert.Equal(TrialState.Failed, study.Trials[1].State); // a NaN value is a failure, not a result
        Assert.Null(study.BestTrial);
    }

    [Fact]
    public void Heartbeats_keep_a_long_trial_alive_while_a_silent_one_is_reaped_and_requeued()
    {
        var storage = new InMemoryStudyStorage();
        var options = new StudyOptions { Sampler = new RandomSampler(1), HeartbeatSeconds = 0.1, GraceSeconds = 0.6, RequeueDeadTrials = true };
        var busy = Study.CreateOrLoad("h", storage, options);
        var other = Study.CreateOrLoad("h", storage, options);

        // A trial whose worker vanished (started straight in storage: no heartbeat timer).
        var silent = storage.StartTrial(busy.Id, new TrialRequest { Worker = "vanished" })!;
        storage.SetParam(silent.Id, "x", 0.25, new FloatDistribution(0, 1));
        // A live trial that runs for 1.5 s, beating every 0.1 s.
        var live = busy.Ask();
        Thread.Sleep(1500);

        var next = other.Ask();                     // reaps the silent trial, not the live one, and takes its re-queued copy
        Assert.Equal(0.25, next.SuggestFloat("x", 0, 1));
        Assert.Equal(TrialState.Failed, storage.Trial(silent.Id).State);
        Assert.Equal(TrialState.Running, storage.Trial(live.Id).State);
        Assert.Equal(TrialState.Complete, busy.Tell(live, 1.0).State);
        other.Tell(next, 0.5);
        Assert.Equal(next.Number, other.BestTrial!.Number);
    }
}
