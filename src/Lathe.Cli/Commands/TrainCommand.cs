using System.CommandLine;
using System.Globalization;
using Lathe.Cli.Output;
using Lathe.Experiments.Runs;
using Lathe.Experiments.Selection;

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
        var cv = new Option<int?>("--cv")
        {
            Description = "Cross-validate instead: K folds of the training and validation rows, each held out once; prints mean ± std per metric.",
        };
        var tracking = new Option<string?>("--tracking")
        {
            Description = "Record the run into this run store (overrides tracking.storage: sqlite, sqlite:PATH, postgres://...), or 'off'.",
        };
        var command = new Command("train", "Train a model from a config file and write a run folder.") { config, set, runsDir, resume, cv, tracking };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            var options = new RunOptions { RunsDirectory = parsed.GetValue(runsDir)!, ResumeRun = parsed.GetValue(resume) };
            string[] overrides = [.. parsed.GetValue(set) ?? [], .. TrackingOverrides(parsed.GetValue(tracking))];
            if (parsed.GetValue(cv) is not { } folds) return Run(console, parsed.GetValue(config)!, overrides, options);
            if (options.ResumeRun is not null) throw LatheException.BadConfig("--cv and --resume do not go together: a cross-validation starts afresh.");
            return CrossValidate(console, parsed.GetValue(config)!, overrides, folds, options);
        }));
        return command;
    }

    private const string AutoNotHere = "model.type auto runs a search and cannot be resumed or cross-validated; cross-validate the winner's config.yaml instead.";

    private static int SelectModel(CliConsole console, string configPath, string[] overrides, RunOptions options)
    {
        if (options.ResumeRun is not null) throw LatheException.BadConfig(AutoNotHere);
        var result = ModelSelectionRun.Execute(configPath, overrides,
            new ModelSelectionOptions { RunsDirectory = options.RunsDirectory, Log = console.Output.WriteLine });
        return ModelSelectionOutput.Print(console, result);
    }

    private static int CrossValidate(CliConsole console, string configPath, string[] overrides, int folds, RunOptions options)
    {
        if (ModelSelectionRun.Requested(configPath, overrides)) throw LatheException.BadConfig(AutoNotHere);
        var result = CrossValidationRun.Execute(configPath, overrides, folds, options with { Log = console.Output.WriteLine });
        var metrics = MetricText.Headline(result.Folds[0]).Select(kv => kv.Key).Where(result.Metrics.Contains).ToList();
        console.Output.WriteLine(string.Join("  ", ["fold", .. metrics.Select(m => m.PadLeft(10))]));
        for (var f = 0; f < result.Folds.Count; f++)
            console.Output.WriteLine(string.Join("  ", [$"{f + 1,4}", .. metrics.Select(m => result.Folds[f][m].ToString("0.0000", CultureInfo.InvariantCulture).PadLeft(10))]));
        foreach (var m in metrics)
            console.Output.WriteLine($"cv {m}: {result.Mean(m).ToString("0.0000", CultureInfo.InvariantCulture)} ± {result.StandardDeviation(m).ToString("0.0000", CultureInfo.InvariantCulture)}");
        console.Output.WriteLine($"run: {result.Folder}");
        return 0;
    }

    private static int Run(CliConsole console, string configPath, string[] overrides, RunOptions options)
    {
        if (ModelSelectionRun.Requested(configPath, overrides)) return SelectModel(console, configPath, overrides, options);
        var result = console.IsInteractive
            ? ProgressBarDisplay.Run((callback, log) => TrainingRun.Execute(configPath, overrides, options with { Callbacks = [callback], Log = log }))
            : TrainingRun.Execute(configPath, overrides,
                options with { Callbacks = [new EpochPrinter(console.Output)], Log = console.Output.WriteLine });
        if (result.ValidationMetrics is not null) console.Output.WriteLine($"validation: {Format(result.ValidationMetrics)}");
        if (result.TestMetrics is not null) console.Output.WriteLine($"test: {Format(result.TestMetrics)}");
        console.Output.WriteLine($"run: {result.Folder}");
        return 0;
    }

    /// <summary>--tracking as config overrides, so the config's validation checks it like any other key.</summary>
    private static string[] TrackingOverrides(string? tracking) => tracking switch
    {
        null => [],
        "off" or "false" or "none" => ["tracking.enabled=false"],
        _ => [$"tracking.storage={tracking}", "tracking.enabled=true"],
    };

    internal static string Format(IReadOnlyDictionary<string, double> metrics) => MetricText.Format(MetricText.Headline(metrics));
}
