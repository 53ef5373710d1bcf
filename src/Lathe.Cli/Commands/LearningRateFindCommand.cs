using System.CommandLine;
using System.Globalization;
using Lathe.Experiments.Runs;

namespace Lathe.Cli.Commands;

/// <summary>lathe lr-find CONFIG [--set key=value ...] [--output DIR] [--min-lr] [--max-lr] [--steps]</summary>
internal static class LearningRateFindCommand
{
    public static Command Create(CliConsole console)
    {
        var config = new Argument<string>("config") { Description = "The YAML config file whose data, model, optimizer and batch size are tested." };
        var set = new Option<string[]>("--set") { Description = "Override a config key (repeatable).", DefaultValueFactory = _ => [] };
        var output = new Option<string>("--output", "-o") { Description = "Folder for lr_find.png and lr_find.csv.", DefaultValueFactory = _ => "lr-find" };
        var minLr = new Option<double>("--min-lr") { Description = "Smallest rate tried.", DefaultValueFactory = _ => 1e-7 };
        var maxLr = new Option<double>("--max-lr") { Description = "Largest rate tried.", DefaultValueFactory = _ => 10 };
        var steps = new Option<int>("--steps") { Description = "Batches (one rate each).", DefaultValueFactory = _ => 100 };
        var command = new Command("lr-find", "Learning-rate range test: suggests a learning rate and plots loss against rate.")
            { config, set, output, minLr, maxLr, steps };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            var folder = Path.GetFullPath(parsed.GetValue(output)!);
            var search = LearningRateSearchRun.Execute(parsed.GetValue(config)!, parsed.GetValue(set) ?? [], folder,
                parsed.GetValue(minLr), parsed.GetValue(maxLr), parsed.GetValue(steps), console.Output.WriteLine);
            var rate = search.Suggested.ToString("G2", CultureInfo.InvariantCulture);
            console.Output.WriteLine($"tried {search.Rates.Length} rates from {search.Rates[0]:G3} to {search.Rates[^1]:G3}; lowest loss at lr {search.MinimumLossRate:G3}");
            console.Output.WriteLine($"suggested lr: {rate} ({search.Note})");
            console.Output.WriteLine($"use it with: lathe train {parsed.GetValue(config)} --set train.optimizer.lr={rate}");
            console.Output.WriteLine($"plot: {Path.Combine(folder, "lr_find.png")}");
            return 0;
        }));
        return command;
    }
}
