using System.Globalization;
using System.Text.Json.Nodes;
using Lathe.Experiments.Config;
using Lathe.Tuning.Distributions;
using Lathe.Tuning.Storage;
using Lathe.Tuning.Trials;

namespace Lathe.Experiments.Tuning;

/// <summary>
/// The tune.space of a config as distributions over config keys. A trial's params become --set style overrides
/// (key=value in YAML), applied to the config like `lathe train --set`.
/// </summary>
public sealed class TuneSpace
{
    private TuneSpace(IReadOnlyList<TuneParam> parameters) => Params = parameters;

    /// <summary>Params in the order they are asked for: every condition names a param that comes earlier.</summary>
    public IReadOnlyList<TuneParam> Params { get; }

    public static TuneSpace From(TuneConfig tune, string source)
    {
        if (tune.Space.Count == 0)
            throw LatheException.BadConfig($"{source}: tune.space is empty; name at least one config key to search, e.g. train.optimizer.lr: {{ loguniform: [1.0e-4, 1.0e-1] }}.");
        var parameters = new List<TuneParam>();
        foreach (var (key, spec) in tune.Space)
        {
            var field = $"{source}: tune.space.{key}";
            var distribution = DistributionOf(spec, field);
            var conditions = new List<TuneCondition>();
            foreach (var (other, value) in spec.When ?? [])
            {
                var target = parameters.FirstOrDefault(p => p.Key == other)
                    ?? throw LatheException.BadConfig($"{field}: when: names '{other}', which is not a param listed above it in tune.space.");
                var values = value is List<object?> list ? list.Select(YamlValue.ToJson).ToList() : [YamlValue.ToJson(value)];
                if (target.Distribution is CategoricalDistribution c)
                    foreach (var v in values.Where(v => c.IndexOf(v) < 0))
                        throw LatheException.BadConfig($"{field}: when: {other} is {CategoricalDistribution.Text(v)}, which is not one of its choices.");
                conditions.Add(new TuneCondition(other, values));
            }
            parameters.Add(new TuneParam(key, distribution, conditions));
        }
        return new TuneSpace(parameters);
    }

    /// <summary>Asks the trial for every active param and returns the overrides (key=value).</summary>
    public IReadOnlyList<string> Suggest(Trial trial)
    {
        var chosen = new Dictionary<string, JsonNode?>();
        var overrides = new List<string>();
        foreach (var p in Params)
        {
            if (!Active(p, chosen)) continue;
            var value = trial.SuggestInternal(p.Key, p.Distribution);
            chosen[p.Key] = ExternalJson(p.Distribution, value);
            overrides.Add($"{p.Key}={OverrideText(p.Distribution, value)}");
        }
        return overrides;
    }

    /// <summary>The overrides of a finished trial's params.</summary>
    public static IReadOnlyList<string> OverridesOf(FrozenTrial trial) =>
        [.. trial.InternalParams.Select(p => $"{p.Key}={OverrideText(trial.Distributions[p.Key], p.Value)}")];

    /// <summary>Every combination for a grid; a conditional param multiplies only the points where it is used.</summary>
    public IReadOnlyList<IReadOnlyList<QueuedParam>> GridPoints(string source)
    {
        IEnumerable<List<QueuedParam>> points = [[]];
        foreach (var p in Params)
        {
            IReadOnlyList<double> values;
            try
            {
                values = Lathe.Tuning.Samplers.GridSampler.ValuesOf(p.Key, p.Distribution);
            }
            catch (LatheException e)
            {
                throw LatheException.BadConfig($"{source}: tune.space.{e.Message}");
            }
            points = points.SelectMany(point =>
            {
                var chosen = point.ToDictionary(q => q.Name, q => ExternalJson(q.Distribution, q.Value));
                return Active(p, chosen)
                    ? values.Select(v => new List<QueuedParam>(point) { new(p.Key, v, p.Distribution) })
                    : [point];
            });
        }
        return [.. points];
    }

    /// <summary>A param's value as YAML text for an override (JSON is valid YAML).</summary>
    public static string OverrideText(ParamDistribution distribution, double value) => distribution switch
    {
        CategoricalDistribution c => c.Choices[(int)value]?.ToJsonString() ?? "null",
        IntDistribution => ((long)Math.Round(value)).ToString(CultureInfo.InvariantCulture),
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>A param's value as short text for the leaderboard.</summary>
    public static string DisplayText(ParamDistribution distribution, double value) => distribution switch
    {
        CategoricalDistribution c => CategoricalDistribution.Text(c.Choices[(int)value]),
        IntDistribution => ((long)Math.Round(value)).ToString(CultureInfo.InvariantCulture),
        _ => value.ToString("G4", CultureInfo.InvariantCulture),
    };

    private static bool Active(TuneParam p, IReadOnlyDictionary<string, JsonNode?> chosen) =>
        p.Conditions.All(c => chosen.TryGetValue(c.Key, out var v) && c.Values.Any(x => JsonNode.DeepEquals(x, v)));

    private static JsonNode? ExternalJson(ParamDistribution distribution, double value) => distribution switch
    {
        CategoricalDistribution c => c.Choices[(int)value],
        IntDistribution => JsonValue.Create((long)Math.Round(value)),
        _ => JsonValue.Create(value),
    };

    private static ParamDistribution DistributionOf(TuneParamConfig spec, string field)
    {
        var kinds = new (string Name, bool Given)[] { ("uniform", spec.Uniform is not null), ("loguniform", spec.Loguniform is not null), ("int", spec.Int is not null), ("choice", spec.Choice is not null) };
        if (kinds.Count(k => k.Given) != 1)
            throw LatheException.BadConfig($"{field}: give exactly one of uniform: [low, high], loguniform: [low, high], int: [low, high] or choice: [...].");
        try
        {
            if (spec.Choice is { } choice)
            {
                if (spec.Step is not null || spec.Log) throw LatheException.BadConfig("step and log do not apply to a choice.");
                return new CategoricalDistribution([.. choice.Select(YamlValue.ToJson)]);
            }
            if (spec.Int is { } range)
            {
                Pair(range, "int");
                if (spec.Step is { } s && s != Math.Floor(s)) throw LatheException.BadConfig("an int step must be a whole number.");
                return new IntDistribution(range[0], range[1], (long)(spec.Step ?? 1), spec.Log);
            }
            if (spec.Log) throw LatheException.BadConfig("log: true is for int ranges; use loguniform: [low, high] for reals.");
            if (spec.Loguniform is { } log)
            {
                Pair(log, "loguniform");
                if (spec.Step is not null) throw LatheException.BadConfig("a loguniform range has no step.");
                return new FloatDistribution(log[0], log[1], log: true);
            }
            Pair(spec.Uniform!, "uniform");
            return new FloatDistribution(spec.Uniform![0], spec.Uniform[1], step: spec.Step);
        }
        catch (LatheException e)
        {
            throw LatheException.BadConfig($"{field}: {e.Message}");
        }
    }

    private static void Pair<T>(List<T> range, string kind)
    {
        if (range.Count != 2) throw LatheException.BadConfig($"{kind}: needs two numbers [low, high], not {range.Count}.");
    }
}
