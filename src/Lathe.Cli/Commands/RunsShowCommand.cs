using System.CommandLine;
using System.Globalization;
using Lathe.Cli.Output;
using Lathe.Experiments.Tracking;
using Lathe.Tracking.Store;

namespace Lathe.Cli.Commands;

/// <summary>lathe runs show RUN: params, final metrics, tags, last step values and artifacts of one run.</summary>
internal static class RunsShowCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Argument<string>("run") { Description = "A run id (see `lathe runs list`) or a run folder." };
        var runsDir = RunsCommand.RunsDirOption();
        var storage = RunsCommand.StorageOption();
        var command = new Command("show", "Everything recorded about one run.") { run, runsDir, storage };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            using var store = RunLookup.OpenStore(parsed.GetValue(storage), parsed.GetValue(runsDir)!);
            var found = RunLookup.Find(store, parsed.GetValue(run)!);
            Write(console.Output, found, store.MetricSeries(found.Summary.Id));
            return 0;
        }));
        return command;
    }

    private static void Write(TextWriter o, RunRecord run, IReadOnlyList<MetricPoint> series)
    {
        var s = run.Summary;
        o.WriteLine($"run {s.Id}: {s.Name} ({s.Status.Name()})");
        o.WriteLine($"folder: {s.Folder}");
        o.WriteLine($"host: {s.Host}");
        o.WriteLine($"started: {s.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC, duration {RunsCommand.Duration(s.Duration)}");
        foreach (var part in new[] { "validation", "test" })
            if (run.FinalMetrics.TryGetValue(part, out var metrics))
                o.WriteLine($"{part}: {MetricText.Format(metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal))}");
        if (series.Count > 0)
        {
            var last = series.Max(p => p.Step);
            o.WriteLine($"last step ({last}): {MetricText.Format(series.Where(p => p.Step == last).Select(p => KeyValuePair.Create(p.Name, p.Value)))}");
        }
        o.WriteLine($"tags ({run.Tags.Count}):");
        foreach (var (k, v) in run.Tags.OrderBy(kv => kv.Key, StringComparer.Ordinal)) o.WriteLine($"  {k} = {v}");
        o.WriteLine($"params ({run.Params.Count}):");
        foreach (var (k, v) in run.Params.OrderBy(kv => kv.Key, StringComparer.Ordinal)) o.WriteLine($"  {k} = {v}");
        o.WriteLine($"artifacts ({run.Artifacts.Count}):");
        foreach (var a in run.Artifacts) o.WriteLine($"  {a}");
    }
}
