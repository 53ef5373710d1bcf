using Lathe.Tuning.Distributions;
using Lathe.Tuning.Trials;

namespace Lathe.Experiments.Tuning;

/// <summary>
/// How much each param explains the objective: the correlation ratio η² (between-group over total variance) of
/// the complete trials' values grouped by the param (a choice per group; numbers in up to four quantile bins),
/// scaled to sum to 1. One param at a time: it does not see interactions, and with few trials it is rough.
/// </summary>
public static class ParamImportance
{
    public static IReadOnlyList<(string Param, double Importance)> Compute(IReadOnlyList<FrozenTrial> trials, TuneSpace space)
    {
        var complete = trials.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v)).ToList();
        var raw = space.Params.Select(p => (p.Key, EtaSquared(complete.Where(t => t.InternalParams.ContainsKey(p.Key)).ToList(), p.Key, p.Distribution))).ToList();
        var total = raw.Sum(r => r.Item2);
        return [.. raw.Select(r => (r.Key, total > 0 ? r.Item2 / total : 0)).OrderByDescending(r => r.Item2)];
    }

    private static double EtaSquared(List<FrozenTrial> trials, string name, ParamDistribution distribution)
    {
        if (trials.Count < 3) return 0;
        var values = trials.Select(t => t.Value!.Value).ToArray();
        var mean = values.Average();
        var totalSs = values.Sum(v => (v - mean) * (v - mean));
        if (totalSs <= 0) return 0;
        int[] groups;
        if (distribution is CategoricalDistribution)
            groups = [.. trials.Select(t => (int)t.InternalParams[name])];
        else
        {
            var order = trials.Select((t, i) => (X: t.InternalParams[name], I: i)).OrderBy(p => p.X).ToArray();
            var distinct = order.Select(p => p.X).Distinct().Count();
            var bins = Math.Min(4, distinct);
            groups = new int[trials.Count];
            for (var r = 0; r < order.Length; r++) groups[order[r].I] = r * bins / order.Length;
        }
        var betweenSs = groups.Select((g, i) => (g, v: values[i])).GroupBy(p => p.g)
            .Sum(g => g.Count() * Math.Pow(g.Average(p => p.v) - mean, 2));
        return betweenSs / totalSs;
    }
}
