using System.CommandLine;
using System.Globalization;
using Lathe.Cli.Output;
using Lathe.Experiments.Runs;

namespace Lathe.Cli.Commands;

/// <summary>lathe train CONFIG [--set key=value ...] [--runs-dir DIR]</summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var config = new Argument<string>("config") { Description = "The YAML config file (see docs/config.md)." };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a config key, e.g. --set train.epochs=20 (repeatable; the value is YAML).",
            DefaultValueFactory = _ => [],
        };
        var runsDir = new Option<string>("--runs-dir")
        {
            Description = "Folder for run folders.",
            DefaultValueFactory = _ => "runs",
        };
        var resume = new Option<string?>("--resume")
        {
            Description = "Continue this run folder from its last checkpoint (same config) instead of starting a new run.",
        };
        var command = new Command("train", "Train a model from a config file and write a run folder.") { config, set, runsDir, resume };
        command.SetAction(parsed => LatheCli.Guard(console, () => Run(console, parsed.GetValue(config)!, parsed.GetValue(set) ?? [],
            new RunOptions { RunsDirectory = parsed.GetValue(runsDir)!, ResumeRun = parsed.GetValue(resume) })));
        return command;
    }

    private static int Run(CliConsole console, string configPath, string[] overrides, RunOptions options)
    {
        var result = console.IsInteractive
            ? ProgressBarDisplay.Run((callback, log) => TrainingRun.Execute(configPath, overrides, options with { Callbacks = [callback], Log = log }))
            : TrainingRun.Execute(configPath, overrides,
                options with { Callbacks = [new EpochPrinter(console.Output)], Log = console.Output.WriteLine });
        if (result.ValidationMetrics is not null) console.Output.WriteLine($"validation: {Format(result.ValidationMetrics)}");
        if (result.TestMetrics is not null) console.Output.WriteLine($"test: {Format(result.TestMetrics)}");
        console.Output.WriteLine($"run: {result.Folder}");
        return 0;
    }

    internal static string Format(IReadOnlyDictionary<string, double> metrics) => MetricText.Format(MetricText.Headline(metrics));
}
