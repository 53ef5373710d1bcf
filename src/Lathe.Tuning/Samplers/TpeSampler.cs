using Lathe.Tuning.Distributions;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Samplers;

/// <summary>
/// Tree-structured Parzen Estimator (Bergstra et al. 2011), one param at a time. The finished trials that have
/// this param are ranked (complete trials by value, then pruned ones: those that got further first, then by their last
/// report) and split into a good part (the best <see cref="Gamma"/> share, at most 25) and the rest; each part
/// becomes a density, l(x) for good and g(x) for bad; candidates are drawn from l and the one with the highest
/// l(x)/g(x) (the expected-improvement criterion) wins; trials still running elsewhere count as bad. Log ranges are modelled in log space, ints as reals
/// rounded to their grid, choices as smoothed counts. The first <see cref="StartupTrials"/> trials are random.
/// </summary>
public sealed class TpeSampler(int seed = 0, int startupTrials = 10, int candidates = 24, double gamma = 0.1) : ISampler
{
    public int Seed { get; } = seed;
    public int StartupTrials { get; } = startupTrials >= 0 ? startupTrials : throw LatheException.BadConfig("TPE startup trials cannot be negative.");
    public int Candidates { get; } = candidates >= 1 ? candidates : throw LatheException.BadConfig("TPE needs at least one candidate.");
    public double Gamma { get; } = gamma is > 0 and < 1 ? gamma : throw LatheException.BadConfig("TPE gamma must be in (0, 1).");

    public double Sample(SamplingContext context, string name, ParamDistribution distribution)
    {
        var random = SeededRandom.For(Seed, context.Trial.Number, name);
        // Conditional params: only trials that have this param (with this distribution) say anything about it.
        var withParam = context.History.Where(t => t.InternalParams.ContainsKey(name) && t.Distributions[name].SameAs(distribution)).ToList();
        var observed = Ranked(withParam, context.Direction);
        if (observed.Count < Math.Max(StartupTrials, 2)) return RandomSampler.Draw(random, distribution);

        var goodCount = Math.Clamp((int)Math.Ceiling(Gamma * observed.Count), 1, 25);
        var good = observed.Take(goodCount).Select(t => t.InternalParams[name]).ToList();
        // Trials other workers are running now count as bad ("constant liar"), so parallel workers spread out
        // instead of all proposing the same promising point.
        var running = context.History.Where(t => t.State == TrialState.Running && t.Number != context.Trial.Number
                                                 && t.InternalParams.ContainsKey(name) && t.Distributions[name].SameAs(distribution));
        var bad = observed.Skip(goodCount).Concat(running).Select(t => t.InternalParams[name]).ToList();
        return distribution is CategoricalDistribution c
            ? SampleCategorical(random, c.Choices.Count, good, bad)
            : SampleNumeric(random, distribution, good, bad);
    }

    /// <summary>
    /// Finished trials best first: complete ones by value, then pruned ones — a trial pruned later beat more rivals
    /// than one pruned earlier, and among equals the last report decides. Pruned trials must count: under a pruner
    /// most trials end pruned, and a model of the few complete ones would stay in start-up (random) for ever and
    /// keep proposing the region that was just cut.
    /// </summary>
    internal static List<FrozenTrial> Ranked(IEnumerable<FrozenTrial> trials, StudyDirection direction)
    {
        double Key(double value) => direction == StudyDirection.Minimize ? value : -value;
        var list = trials.ToList();
        var complete = list.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v))
            .OrderBy(t => Key(t.Value!.Value)).ThenBy(t => t.Number);
        var pruned = list.Where(t => t.State == TrialState.Pruned)
            .OrderByDescending(t => t.IntermediateValues.Count == 0 ? -1 : t.IntermediateValues.Keys.Max())
            .ThenBy(t => t.LastIntermediate is { } v && double.IsFinite(v) ? Key(v) : double.PositiveInfinity)
            .ThenBy(t => t.Number);
        return [.. complete.Concat(pruned)];
    }

    private double SampleNumeric(Random random, ParamDistribution distribution, List<double> good, List<double> bad)
    {
        var (low, high, toModel, fromModel) = distribution switch
        {
            FloatDistribution { Log: true } f => (Math.Log(f.Low), Math.Log(f.High), (Func<double, double>)Math.Log, (Func<double, double>)(x => f.Snap(Math.Exp(x)))),
            FloatDistribution f => (f.Low - (f.Step ?? 0) / 2, f.High + (f.Step ?? 0) / 2, x => x, x => f.Snap(x)),
            IntDistribution { Log: true } i => (Math.Log(i.Low - 0.5), Math.Log(i.High + 0.5), Math.Log, x => i.Snap(Math.Exp(x))),
            IntDistribution i => (i.Low - i.Step / 2.0, i.Top + i.Step / 2.0, x => x, x => i.Snap(x)),
            _ => throw new ArgumentException($"Unknown distribution {distribution.GetType().Name}."),
        };
        var l = new ParzenEstimator([.. good.Select(toModel)], low, high);
        var g = new ParzenEstimator([.. bad.Select(toModel)], low, high);
        var best = double.NaN;
        var bestScore = double.NegativeInfinity;
        for (var k = 0; k < Candidates; k++)
        {
            var x = l.Sample(random);
            var score = l.LogPdf(x) - g.LogPdf(x);
            if (score > bestScore) (best, bestScore) = (x, score);
        }
        return fromModel(best);
    }

    private double SampleCategorical(Random random, int count, List<double> good, List<double> bad)
    {
        // Counts plus a prior of one observation spread over all choices, so no choice ever has probability 0.
        double[] Weights(List<double> values)
        {
            var w = Enumerable.Repeat(1.0 / count, count).ToArray();
            foreach (var v in values) w[(int)v] += 1;
            var total = w.Sum();
            return [.. w.Select(x => x / total)];
        }
        var l = Weights(good);
        var g = Weights(bad);
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var k = 0; k < Candidates; k++)
        {
            var u = random.NextDouble();
            var choice = 0;
            for (var acc = l[0]; acc < u && choice < count - 1; acc += l[++choice]) { }
            var score = Math.Log(l[choice]) - Math.Log(g[choice]);
            if (score > bestScore) (best, bestScore) = (choice, score);
        }
        return best;
    }
}
