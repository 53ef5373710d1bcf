using Lathe.Training;
using Lathe.Tuning.Distributions;
using Lathe.Tuning.Pruners;
using Lathe.Tuning.Samplers;
using Lathe.Tuning.Storage;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Tests.Pruners;

public sealed class PrunerTests
{
    private static FrozenTrial Curve(int number, TrialState state, params double[] values) => new()
    {
        Id = number + 1, Number = number, State = state, Value = state == TrialState.Complete ? values[^1] : null,
        IntermediateValues = new SortedDictionary<int, double>(values.Select((v, i) => (Step: i + 1, v)).ToDictionary(p => p.Step, p => p.v)),
    };

    [Fact]
    public void Median_pruner_prunes_a_bad_curve_and_keeps_a_good_one()
    {
        // five finished loss curves: median at step 3 is 0.6
        var history = Enumerable.Range(0, 5).Select(i => Curve(i, TrialState.Complete, 1.0, 0.8 - 0.05 * i, 0.7 - 0.05 * i, 0.6)).ToList();
        var pruner = new MedianPruner(startupTrials: 5, warmupSteps: 1);
        Assert.True(pruner.ShouldPrune(StudyDirection.Minimize, history, Curve(9, TrialState.Running, 1.2, 1.1, 1.0)));
        Assert.False(pruner.ShouldPrune(StudyDirection.Minimize, history, Curve(9, TrialState.Running, 0.9, 0.6, 0.5)));
        // warm-up: step 1 is never judged; start-up: with 4 finished trials nothing is pruned
        Assert.False(pruner.ShouldPrune(StudyDirection.Minimize, history, Curve(9, TrialState.Running, 9.0)));
        Assert.False(pruner.ShouldPrune(StudyDirection.Minimize, history.Take(4).ToList(), Curve(9, TrialState.Running, 1.2, 1.1, 1.0)));
        // maximize: the same curve is now the good one
        Assert.False(pruner.ShouldPrune(StudyDirection.Maximize, history, Curve(9, TrialState.Running, 1.2, 1.1, 1.0)));
    }

    [Fact]
    public void Asha_promotes_the_top_third_at_each_rung()
    {
        var asha = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3);
        Assert.Equal([1L, 3L, 9L], new[] { asha.RungStep(0), asha.RungStep(1), asha.RungStep(2) });
        // eight trials reached rung 0 (step 1) with accuracies 0.1 .. 0.8; a ninth arrives: top 9/3 = 3 go on
        var history = Enumerable.Range(0, 8).Select(i => Curve(i, TrialState.Complete, 0.1 * (i + 1))).ToList();
        Assert.False(asha.ShouldPrune(StudyDirection.Maximize, history, Curve(8, TrialState.Running, 0.75))); // 2nd of 9
        Assert.False(asha.ShouldPrune(StudyDirection.Maximize, history, Curve(8, TrialState.Running, 0.65))); // 3rd of 9
        Assert.True(asha.ShouldPrune(StudyDirection.Maximize, history, Curve(8, TrialState.Running, 0.55)));  // 4th of 9
        // steps between rungs are not judged; rung 1 (step 3) compares values at step 3 only
        Assert.False(asha.ShouldPrune(StudyDirection.Maximize, history, Curve(8, TrialState.Running, 0.9, 0.01)));
        var atRung1 = Enumerable.Range(0, 6).Select(i => Curve(i, TrialState.Complete, 0.9, 0.9, 0.1 * (i + 1))).ToList();
        Assert.False(asha.ShouldPrune(StudyDirection.Maximize, atRung1, Curve(7, TrialState.Running, 0.9, 0.9, 0.58))); // 2nd of 7: top 7/3 = 2
        Assert.True(asha.ShouldPrune(StudyDirection.Maximize, atRung1, Curve(7, TrialState.Running, 0.9, 0.9, 0.45)));  // 3rd of 7
    }

    [Fact]
    public void Asha_start_up_trials_are_not_cut_on_the_word_of_one_rival()
    {
        // Trial 1 starts slower than trial 0: plain ASHA cuts it at the first rung (not the best of two)...
        var history = new List<FrozenTrial> { Curve(0, TrialState.Complete, 0.826, 0.84, 0.837) };
        var slowStarter = Curve(1, TrialState.Running, 0.818);
        Assert.True(new SuccessiveHalvingPruner(1, 3).ShouldPrune(StudyDirection.Maximize, history, slowStarter));
        // ...with 3 start-up trials the first three to reach a rung go on; the fourth is judged as usual.
        var asha = new SuccessiveHalvingPruner(1, 3, startupTrials: 3);
        Assert.False(asha.ShouldPrune(StudyDirection.Maximize, history, slowStarter));
        history.Add(Curve(1, TrialState.Complete, 0.818, 0.85, 0.882));
        Assert.False(asha.ShouldPrune(StudyDirection.Maximize, history, Curve(2, TrialState.Running, 0.5)));
        history.Add(Curve(2, TrialState.Complete, 0.5, 0.6, 0.7));
        Assert.True(asha.ShouldPrune(StudyDirection.Maximize, history, Curve(3, TrialState.Running, 0.6)));
        // Hyperband passes it to every bracket
        Assert.False(new HyperbandPruner(1, 9, 3, startupTrials: 3).ShouldPrune(StudyDirection.Maximize,
            [Curve(0, TrialState.Complete, 0.9), Curve(3, TrialState.Complete, 0.95)], Curve(6, TrialState.Running, 0.1)));
    }

    [Fact]
    public void Hyperband_judges_a_trial_only_against_its_own_bracket()
    {
        var hyperband = new HyperbandPruner(minResource: 1, maxResource: 9, reductionFactor: 3);
        Assert.Equal(3, hyperband.BracketCount);
        // bracket 0 holds trials 0, 3, 6, ...; trials of other brackets with great values do not count
        var history = new List<FrozenTrial> { Curve(0, TrialState.Complete, 0.5), Curve(1, TrialState.Complete, 0.99), Curve(2, TrialState.Complete, 0.98) };
        Assert.False(hyperband.ShouldPrune(StudyDirection.Maximize, history, Curve(3, TrialState.Running, 0.6)));
        Assert.True(hyperband.ShouldPrune(StudyDirection.Maximize, history, Curve(3, TrialState.Running, 0.4)));
        // bracket 1's first rung is at step 3: step 1 is not judged there
        Assert.False(hyperband.ShouldPrune(StudyDirection.Maximize, history, Curve(4, TrialState.Running, 0.0)));
    }

    [Fact]
    public void Pruning_callback_stops_a_fit_and_the_trial_ends_pruned()
    {
        var study = Study.CreateOrLoad("p", new InMemoryStudyStorage(),
            new StudyOptions { Sampler = new RandomSampler(0), Pruner = new MedianPruner(startupTrials: 2), Direction = StudyDirection.Minimize });
        int Fit(Trial trial, double level)
        {
            var callback = new PruningCallback(trial, "val_loss");
            var context = new FitContext(callbacks: [callback]);
            context.Start(10, null);
            var step = 0;
            while (step < 10 && !context.StopRequested)
            {
                step++;
                context.Report(step, new Dictionary<string, double> { ["train_loss"] = level, ["val_loss"] = level / step });
            }
            context.Finish();
            callback.ThrowIfPruned();
            return step;
        }
        var epochs = new List<int>();
        foreach (var level in new[] { 1.0, 1.2, 5.0 })
            study.Optimize(t => epochs.Count + (epochs.AddAndReturn(Fit(t, level)) * 0), new OptimizeLimits { Trials = 1 });
        Assert.Equal([10, 10], epochs);
        var last = study.Trials.Single(t => t.Number == 2);
        Assert.Equal(TrialState.Pruned, last.State);
        Assert.Equal(1, last.IntermediateValues.Keys.Max());
        Assert.Equal(5.0, last.Value);
    }
}

internal static class ListExtensions
{
    public static int AddAndReturn(this List<int> list, int value)
    {
        list.Add(value);
        return value;
    }
}
