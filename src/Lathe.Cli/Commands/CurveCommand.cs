using System.CommandLine;
using System.Globalization;
using Lathe.Experiments.Runs;

namespace Lathe.Cli.Commands;

/// <summary>lathe curve CONFIG [--sizes 0.1,0.25,0.5,0.75,1] [--repeats 3] [--set key=value ...] [--runs-dir DIR]</summary>
internal static class CurveCommand
{
    public static Command Create(CliConsole console)
    {
        var config = new Argument<string>("config") { Description = "The YAML config file (see docs/config.md)." };
        var sizes = SizesOption();
        var repeats = RepeatsOption();
        var set = new Option<string[]>("--set") { Description = "Override a config key (repeatable; the value is YAML).", DefaultValueFactory = _ => [] };
        var runsDir = new Option<string>("--runs-dir") { Description = "Folder for run folders.", DefaultValueFactory = _ => "runs" };
        var parameter = new Option<string?>("--param") { Description = "Validation curve instead: the config key to vary, e.g. model.max_depth." };
        var values = new Option<string?>("--values") { Description = "With --param: the values to try, comma-separated (YAML each), e.g. 2,4,8,null." };
        var command = new Command("curve", "Learning curve over training-set size (and the expected gain from twice the data), or a validation curve over one hyperparameter.")
        {
            config, sizes, repeats, set, runsDir, parameter, values,
        };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            if (parsed.GetValue(parameter) is { } key)
            {
                var tried = (parsed.GetValue(values) ?? throw LatheException.BadConfig("--param needs --values, e.g. --values 2,4,8."))
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var sweep = ValidationCurveRun.Execute(parsed.GetValue(config)!, parsed.GetValue(set) ?? [], key, tried,
                    new RunOptions { RunsDirectory = parsed.GetValue(runsDir)!, Log = console.Output.WriteLine });
                console.Output.WriteLine($"best {key}: {sweep.Best.Value} (validation {sweep.Metric} {sweep.Best.Validation:0.0000})");
                console.Output.WriteLine($"run: {sweep.Folder}");
                return 0;
            }
            var shares = ParseShares(parsed.GetValue(sizes)!);
            var result = LearningCurveRun.Execute(parsed.GetValue(config)!, parsed.GetValue(set) ?? [], shares, parsed.GetValue(repeats),
                new RunOptions { RunsDirectory = parsed.GetValue(runsDir)!, Log = console.Output.WriteLine });
            if (result.Sufficiency is { } s)
                console.Output.WriteLine(
                    $"twice the data ({2 * s.Rows} rows): validation {result.Metric} about {s.ScoreAtTwice:0.000} " +
                    $"(range {s.Low:0.000} to {s.High:0.000}), a gain of {s.Gain:+0.000;-0.000} over {s.Score:0.000}");
            console.Output.WriteLine($"run: {result.Folder}");
            return 0;
        }));
        return command;
    }

    internal static Option<string> SizesOption() => new("--sizes")
    {
        Description = "Shares of the training rows to fit on, comma-separated.",
        DefaultValueFactory = _ => "0.1,0.25,0.5,0.75,1",
    };

    internal static Option<int> RepeatsOption() =>
        new("--repeats") { Description = "Random subsets per share (the full set is fitted once).", DefaultValueFactory = _ => 3 };

    internal static double[] ParseShares(string text) =>
    [
        .. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
            double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var share)
                ? share
                : throw LatheException.BadConfig($"--sizes: '{part}' is not a number; give shares such as 0.1,0.25,0.5,1.")),
    ];
}
