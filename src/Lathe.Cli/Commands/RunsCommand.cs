using System.CommandLine;
using System.Globalization;
using Lathe.Cli.Output;
using Lathe.Experiments.Tracking;
using Lathe.Tracking.Store;

namespace Lathe.Cli.Commands;

/// <summary>lathe runs list | show RUN | compare RUN RUN... — the runs recorded in the run store (see docs/tracking.md).</summary>
internal static class RunsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("runs", "List, show and compare the runs recorded in the run store (runs/lathe.db by default).");
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(RunsShowCommand.Create(console));
        command.Subcommands.Add(RunsCompareCommand.Create(console));
        return command;
    }

    internal static Option<string> RunsDirOption() =>
        new("--runs-dir") { Description = "Folder whose lathe.db is the run store.", DefaultValueFactory = _ => "runs" };

    internal static Option<string?> StorageOption() =>
        new("--storage") { Description = "The run store instead: sqlite:PATH or postgres://user@host:port/db." };

    private static Command List(CliConsole console)
    {
        var runsDir = RunsDirOption();
        var storage = StorageOption();
        var name = new Option<string?>("--name") { Description = "Only runs whose name contains this text." };
        var limit = new Option<int>("--limit") { Description = "Newest runs to show.", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "The newest runs: id, name, model, status, start, duration and headline scores.") { runsDir, storage, name, limit };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            if (parsed.GetValue(limit) < 1) throw LatheException.BadConfig("--limit must be at least 1.");
            using var store = RunLookup.OpenStore(parsed.GetValue(storage), parsed.GetValue(runsDir)!);
            var runs = RunLookup.List(store, parsed.GetValue(name), parsed.GetValue(limit));
            if (runs.Count == 0)
            {
                console.Output.WriteLine($"no runs recorded in {store.Describe}{(parsed.GetValue(name) is { } n ? $" named like '{n}'" : "")}.");
                return 0;
            }
            var table = new TextTable("id", "name", "model", "status", "started (UTC)", "duration", "validation", "test");
            foreach (var summary in runs)
            {
                var run = store.GetRun(summary.Id);
                if (run is null) continue;
                table.Add(summary.Id.ToString(CultureInfo.InvariantCulture), summary.Name, run.Params.GetValueOrDefault("model.type", "?"),
                    summary.Status.Name(), summary.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Duration(summary.Duration), Headline(run, "validation"), Headline(run, "test"));
            }
            table.Write(console.Output);
            return 0;
        }));
        return command;
    }

    /// <summary>The first headline score of a part, e.g. "accuracy 0.9667"; "-" when the part was not scored.</summary>
    internal static string Headline(RunRecord run, string part) =>
        run.FinalMetrics.TryGetValue(part, out var metrics) && MetricText.Headline(metrics).FirstOrDefault() is { Key: not null } first
            ? MetricText.Format(first.Key, first.Value)
            : "-";

    internal static string Duration(TimeSpan? duration) => duration switch
    {
        null => "-",
        { TotalSeconds: < 60 } d => d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
        { TotalHours: < 1 } d => $"{(int)d.TotalMinutes}m{d.Seconds:00}s",
        var d => $"{(int)d.Value.TotalHours}h{d.Value.Minutes:00}m",
    };
}
