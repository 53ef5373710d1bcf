using Lathe.Tuning.Pruners;
using Lathe.Tuning.Samplers;
using Lathe.Tuning.Storage;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Tests;

/// <summary>The C# example of docs/tuning.md, with in-memory storage: it runs, prunes, and finds x near 2.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public void The_documented_study_runs_prunes_and_finds_the_minimum()
    {
        using var storage = new InMemoryStudyStorage();
        var study = Study.CreateOrLoad("bowl", storage, new StudyOptions
        {
            Direction = StudyDirection.Minimize,
            Sampler = new TpeSampler(seed: 42),
            Pruner = new MedianPruner(startupTrials: 5, warmupSteps: 2),
        });
        study.Optimize(trial =>
        {
            var x = trial.SuggestFloat("x", -10, 10);
            var lr = trial.SuggestFloat("lr", 1e-4, 1e-1, log: true);
            var kind = trial.SuggestCategorical("kind", new[] { "wide", "deep" });
            var depth = kind == "deep" ? trial.SuggestInt("depth", 2, 8) : 1;
            var loss = 0.0;
            for (var epoch = 1; epoch <= 10; epoch++)
            {
                loss = (x - 2) * (x - 2) + Math.Abs(Math.Log10(lr) + 2) + 1.0 / (epoch * depth);
                trial.Report(epoch, loss);
                trial.PruneIfNeeded();
            }
            return loss;
        }, new OptimizeLimits { StudyTrials = 40 });

        var trials = study.Trials;
        Assert.Equal(40, trials.Count);
        Assert.Contains(trials, t => t.State == TrialState.Pruned);
        Assert.All(trials.Where(t => t.State == TrialState.Pruned), t => Assert.InRange(t.IntermediateValues.Keys.Max(), 3, 10));
        Assert.InRange((double)study.BestTrial!.Params["x"]!, 0.5, 3.5);
    }
}
