using System.Globalization;
using System.Text;
using Lathe.Experiments.Plots;
using Lathe.IO;
using Lathe.Tuning.Trials;

namespace Lathe.Experiments.Tuning;

/// <summary>The study's files: trials.csv and the three pictures.</summary>
internal static class TuneReport
{
    public static void Write(string folder, TuneSettings settings, IReadOnlyList<FrozenTrial> trials, FrozenTrial? best)
    {
        var names = settings.Space.Params.Select(p => p.Key).ToList();
        var csv = new StringBuilder("number,state,value," + string.Join(",", names) + "\n");
        foreach (var t in trials.Where(t => t.State != TrialState.Waiting))
        {
            var values = names.Select(n => t.InternalParams.TryGetValue(n, out var v) ? Quote(TuneSpace.DisplayText(t.Distributions[n], v)) : "");
            csv.Append(CultureInfo.InvariantCulture, $"{t.Number},{t.State.Name()},{t.Value?.ToString("R", CultureInfo.InvariantCulture)},{string.Join(",", values)}\n");
        }
        AtomicFile.WriteAllText(Path.Combine(folder, "trials.csv"), csv.ToString());
        TunePlots.OptimizationHistory(trials, settings, Path.Combine(folder, "optimization_history.png"));
        var importances = ParamImportance.Compute(trials, settings.Space);
        TunePlots.Importances(importances, settings, Path.Combine(folder, "param_importances.png"));
        TunePlots.ParallelCoordinates(trials, settings, Path.Combine(folder, "parallel_coordinates.png"));
    }

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
