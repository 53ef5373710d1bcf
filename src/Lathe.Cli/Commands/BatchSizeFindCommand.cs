using System.CommandLine;
using System.Globalization;
using Lathe.Experiments.Runs;

namespace Lathe.Cli.Commands;

/// <summary>lathe batch-find CONFIG [--set key=value ...] [--start N] [--max N]</summary>
internal static class BatchSizeFindCommand
{
    public static Command Create(CliConsole console)
    {
        var config = new Argument<string>("config") { Description = "The YAML config file whose data, model and optimizer are measured." };
        var set = new Option<string[]>("--set") { Description = "Override a config key (repeatable).", DefaultValueFactory = _ => [] };
        var start = new Option<int>("--start") { Description = "First batch size.", DefaultValueFactory = _ => 16 };
        var max = new Option<int>("--max") { Description = "Largest batch size tried.", DefaultValueFactory = _ => 8192 };
        var command = new Command("batch-find", "Batch-size finder: measures training throughput at doubling batch sizes and suggests one.")
            { config, set, start, max };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            if (parsed.GetValue(start) < 1 || parsed.GetValue(max) < parsed.GetValue(start))
                throw LatheException.BadConfig("--start must be at least 1 and --max at least --start.");
            var search = BatchSizeSearchRun.Execute(parsed.GetValue(config)!, parsed.GetValue(set) ?? [], parsed.GetValue(start), parsed.GetValue(max),
                console.Output.WriteLine);
            foreach (var trial in search.Trials)
                console.Output.WriteLine(trial.Failure is null
                    ? string.Create(CultureInfo.InvariantCulture, $"batch {trial.BatchSize,6}: {trial.RowsPerSecond,10:N0} rows/s")
                    : $"batch {trial.BatchSize,6}: failed ({trial.Failure})");
            console.Output.WriteLine($"suggested batch size: {search.Suggested} ({search.Note})");
            console.Output.WriteLine($"use it with: lathe train {parsed.GetValue(config)} --set train.batch_size={search.Suggested}");
            return 0;
        }));
        return command;
    }
}
