using System.CommandLine;
using System.Globalization;
using Lathe.Cli.Output;
using Lathe.Experiments.Plots;
using Lathe.Experiments.Tracking;
using Lathe.Tracking.Store;

namespace Lathe.Cli.Commands;

/// <summary>lathe runs compare RUN RUN... [--output FILE]: the params that differ, the final scores side by side, and the learning curves overlaid.</summary>
internal static class RunsCompareCommand
{
    public static Command Create(CliConsole console)
    {
        var runs = new Argument<string[]>("runs") { Description = "Two or more run ids or run folders.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output") { Description = "The PNG of the overlaid learning curves.", DefaultValueFactory = _ => "compare.png" };
        var runsDir = RunsCommand.RunsDirOption();
        var storage = RunsCommand.StorageOption();
        var command = new Command("compare", "Compare runs: params that differ, final scores, and a PNG of their learning curves.") { runs, output, runsDir, storage };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            var names = parsed.GetValue(runs) ?? [];
            if (names.Length < 2) throw LatheException.BadConfig("runs compare: give at least two runs (ids or run folders).");
            using var store = RunLookup.OpenStore(parsed.GetValue(storage), parsed.GetValue(runsDir)!);
            var found = names.Select(n => RunLookup.Find(store, n)).ToList();
            Write(console.Output, found);

            var path = Path.GetFullPath(parsed.GetValue(output)!);
            var curves = found.Select(r => ($"#{r.Summary.Id} {r.Summary.Name}", store.MetricSeries(r.Summary.Id))).ToList();
            if (RunComparisonPlot.Save(curves, path) == 0)
                console.Output.WriteLine("plot: none (no run recorded train_loss or val_loss per step; classical models fit in one step).");
            else
                console.Output.WriteLine($"plot: {path}");
            return 0;
        }));
        return command;
    }

    private static void Write(TextWriter o, IReadOnlyList<RunRecord> runs)
    {
        string[] headers = ["", .. runs.Select(r => $"#{r.Summary.Id} {r.Summary.Name}")];
        var table = new TextTable(headers);
        table.Add(["status", .. runs.Select(r => r.Summary.Status.Name())]);
        var differing = runs.SelectMany(r => r.Params.Keys).Distinct().Order(StringComparer.Ordinal)
            .Where(k => runs.Select(r => r.Params.GetValueOrDefault(k)).Distinct().Count() > 1).ToList();
        foreach (var key in differing) table.Add([key, .. runs.Select(r => r.Params.GetValueOrDefault(key, "-"))]);
        foreach (var part in new[] { "validation", "test" })
        {
            // The headline scores only (accuracy, f1_macro, rmse...): `runs show` lists them all.
            var metrics = runs.SelectMany(r => r.FinalMetrics.TryGetValue(part, out var m) ? MetricText.Headline(m).Select(kv => kv.Key) : []).Distinct();
            foreach (var m in metrics)
                table.Add([$"{part} {m}", .. runs.Select(r => r.FinalMetrics.GetValueOrDefault(part)?.TryGetValue(m, out var v) == true
                    ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-")]);
        }
        o.WriteLine(differing.Count == 0 ? "params: all the same" : $"params that differ: {differing.Count}");
        table.Write(o);
    }
}
