using Lathe.Tuning.Distributions;
using Lathe.Tuning.Samplers;
using Lathe.Tuning.Storage;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Tests.Samplers;

public sealed class SamplerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static double Run(ISampler sampler, int trials, Func<Trial, double> objective, out Study study)
    {
        study = Study.CreateOrLoad("s", new InMemoryStudyStorage(), new StudyOptions { Sampler = sampler });
        study.Optimize(objective, new OptimizeLimits { Trials = trials });
        return study.BestTrial!.Value!.Value;
    }

    // A shifted, badly scaled 2-D bowl with its minimum 0 at (1.7, -0.3): x on a log scale, y uniform.
    private static double Bowl(Trial t)
    {
        var x = t.SuggestFloat("x", 0.01, 100, log: true);
        var y = t.SuggestFloat("y", -5, 5);
        return Math.Pow(Math.Log10(x) - Math.Log10(1.7), 2) * 4 + Math.Pow(y + 0.3, 2);
    }

    [Fact]
    public void Random_sampler_is_seeded_and_stays_in_range()
    {
        double[] Draws(int seed)
        {
            Run(new RandomSampler(seed), 20, t => t.SuggestFloat("a", -1, 2) + t.SuggestInt("b", 3, 9, step: 2) + t.SuggestCategorical("c", new[] { 0, 10 }), out var study);
            return [.. study.Trials.Select(t => t.Value!.Value)];
        }
        Assert.Equal(Draws(5), Draws(5));
        Assert.NotEqual(Draws(5), Draws(6));
        Run(new RandomSampler(1), 200, t =>
        {
            var a = t.SuggestFloat("a", -1, 2);
            var b = t.SuggestInt("b", 3, 9, step: 2);
            var l = t.SuggestFloat("l", 1e-3, 1, log: true);
            Assert.InRange(a, -1, 2);
            Assert.Contains(b, new[] { 3, 5, 7, 9 });
            Assert.InRange(l, 1e-3, 1);
            return a;
        }, out _);
    }

    [Fact]
    public void Grid_sampler_visits_each_point_once_then_stops()
    {
        var space = new Dictionary<string, ParamDistribution>
        {
            ["a"] = new IntDistribution(1, 3),
            ["b"] = new FloatDistribution(0, 1, step: 0.5),
            ["c"] = CategoricalDistribution.Of(new[] { "x", "y" }),
        };
        var seen = new List<string>();
        var study = Study.CreateOrLoad("g", new InMemoryStudyStorage(), new StudyOptions { Sampler = GridSampler.Product(space) });
        study.Optimize(t =>
        {
            seen.Add($"{t.SuggestInt("a", 1, 3)}/{t.SuggestFloat("b", 0, 1, step: 0.5)}/{t.SuggestCategorical("c", new[] { "x", "y" })}");
            return 0;
        }, new OptimizeLimits { Trials = 100 });
        Assert.Equal(18, seen.Count);
        Assert.Equal(18, seen.Distinct().Count());
        Assert.Contains("3/0.5/y", seen);
    }

    [Fact]
    public void Grid_sampler_refuses_a_continuous_range()
    {
        var e = Assert.Throws<LatheException>(() => GridSampler.Product(new Dictionary<string, ParamDistribution> { ["lr"] = new FloatDistribution(0, 1) }));
        Assert.Contains("lr", e.Message);
    }

    [Fact]
    public void Tpe_finds_better_values_than_random_with_the_same_budget()
    {
        var seeds = Enumerable.Range(0, 6).ToArray();
        var tpe = seeds.Average(s => Run(new TpeSampler(s), 50, Bowl, out _));
        var random = seeds.Average(s => Run(new RandomSampler(s), 50, Bowl, out _));
        output.WriteLine($"mean best over {seeds.Length} seeds, 50 trials: TPE {tpe:G4}, random {random:G4}");
        Assert.True(tpe < random * 0.5, $"TPE mean best {tpe:G4} should be well below random's {random:G4}");
    }

    [Fact]
    public void Tpe_is_seeded_and_handles_ints_choices_and_conditional_params()
    {
        double Objective(Trial t)
        {
            var kind = t.SuggestCategorical("kind", new[] { "linear", "tree" });
            // depth exists only for trees: TPE models it from the trials that have it
            var depth = kind == "tree" ? t.SuggestInt("depth", 1, 16) : 0;
            var width = t.SuggestInt("width", 8, 512, log: true);
            return (kind == "tree" ? 0 : 1) + Math.Abs(depth - 6) * 0.1 + Math.Abs(Math.Log2(width) - 6) * 0.1;
        }
        var a = Run(new TpeSampler(3), 40, Objective, out var first);
        var b = Run(new TpeSampler(3), 40, Objective, out _);
        Assert.Equal(a, b);
        Assert.True(a < 0.5, $"best {a}");
        var all = first.Trials;
        var trees = all.Where(t => CategoricalDistribution.Text((System.Text.Json.Nodes.JsonNode?)t.Param("kind")) == "tree").ToList();
        Assert.All(all, t => Assert.Equal(trees.Any(x => x.Number == t.Number), t.InternalParams.ContainsKey("depth")));
        // after the random start-up, TPE should favour the better choice
        Assert.True(trees.Count(t => t.Number >= 10) > 20, $"{trees.Count(t => t.Number >= 10)} of 30 guided trials chose tree");
    }

    [Fact]
    public void Tpe_learns_from_pruned_trials()
    {
        // Ten trials, all pruned (as under ASHA most are): the two with x near 0.9 got to step 5, the rest were cut
        // at step 1. TPE must model them — not stay random — and propose near 0.9.
        var x = new FloatDistribution(0, 1);
        FrozenTrial Pruned(int number, double value, int steps) => new()
        {
            Id = number + 1, Number = number, State = TrialState.Pruned,
            InternalParams = new Dictionary<string, double> { ["x"] = value },
            Distributions = new Dictionary<string, ParamDistribution> { ["x"] = x },
            IntermediateValues = new SortedDictionary<int, double>(Enumerable.Range(1, steps).ToDictionary(s => s, s => 0.5 + 0.01 * s + 0.1 * value)),
        };
        var history = new List<FrozenTrial> { Pruned(0, 0.88, 5), Pruned(1, 0.92, 5) };
        history.AddRange(Enumerable.Range(2, 8).Select(i => Pruned(i, 0.07 * i - 0.1, 1)));
        var tpe = new TpeSampler(seed: 1, startupTrials: 5);
        var draws = Enumerable.Range(10, 40).Select(n => tpe.Sample(
            new SamplingContext(StudyDirection.Maximize, history, new FrozenTrial { Id = n + 1, Number = n, State = TrialState.Running }), "x", x)).ToList();
        Assert.True(draws.Average() > 0.75, $"mean proposal {draws.Average():F3}: pruned trials were ignored");
        // ranking: the deeper pruned trials come first, best last report first among them
        Assert.Equal([1, 0], TpeSampler.Ranked(history, StudyDirection.Maximize).Take(2).Select(t => t.Number));
    }
}
