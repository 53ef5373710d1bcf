using System.Globalization;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Experiments.Tuning;

/// <summary>Plain lines (stdout may be a file): one per finished trial with the best so far, and a closing top five.</summary>
internal sealed class Leaderboard(TuneSettings settings, Action<string> log, FrozenTrial? bestBefore)
{
    private FrozenTrial? _best = bestBefore;

    public void Finished(FrozenTrial trial)
    {
        if (trial.State == TrialState.Complete && trial.Value is { } v && (_best?.Value is not { } b || settings.Direction.Better(v, b))) _best = trial;
        var value = trial.Value is { } x ? x.ToString("0.0000", CultureInfo.InvariantCulture) : "-";
        var steps = trial.State == TrialState.Pruned && trial.IntermediateValues.Count > 0 ? $" at step {trial.IntermediateValues.Keys.Max()}" : "";
        log($"trial {trial.Number,3}  {trial.State.Name(),-8}{steps}  {settings.Metric} {value}  " +
            $"best {(_best?.Value is { } bv ? bv.ToString("0.0000", CultureInfo.InvariantCulture) : "-")} (trial {_best?.Number.ToString(CultureInfo.InvariantCulture) ?? "-"})  {Params(trial)}");
    }

    public void Summary(IReadOnlyList<FrozenTrial> trials, FrozenTrial? best, string? bestYaml)
    {
        var counts = string.Join(", ", trials.GroupBy(t => t.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Name()}"));
        log($"trials: {counts}");
        var top = trials.Where(t => t.State == TrialState.Complete && t.Value is not null)
            .OrderBy(t => settings.Direction == StudyDirection.Minimize ? t.Value!.Value : -t.Value!.Value).ThenBy(t => t.Number).Take(5).ToList();
        if (top.Count > 0)
        {
            log($"top {top.Count}:");
            foreach (var t in top) log($"  trial {t.Number,3}  {settings.Metric} {t.Value!.Value.ToString("0.0000", CultureInfo.InvariantCulture)}  {Params(t)}");
        }
        if (best is null)
        {
            log("no trial completed: nothing to recommend.");
            return;
        }
        log($"best trial {best.Number}: {settings.Metric} {best.Value!.Value.ToString("0.0000", CultureInfo.InvariantCulture)}  {Params(best)}");
        log($"best config: {bestYaml} (train it with: lathe train {bestYaml})");
    }

    public static string Params(FrozenTrial trial) =>
        string.Join(" ", trial.InternalParams.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={TuneSpace.DisplayText(trial.Distributions[p.Key], p.Value)}"));
}
