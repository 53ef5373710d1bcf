using System.CommandLine;
using Lathe.Experiments.Config;
using Lathe.Experiments.Runs;

namespace Lathe.Cli.Commands;

/// <summary>
/// lathe synthesize DATA --output FILE [--rows N] [--seed S] [--target COL] [--drop COL ...]
/// lathe synthesize --generate moons|blobs|classification|regression --output FILE [--rows N] [--seed S] [--features N] [--classes N] [--noise X] [--weights W,W,...]
/// </summary>
internal static class SynthesizeCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Argument<string?>("data") { Description = "A CSV/TSV file to learn from (leave out with --generate).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--output", "-o") { Description = "The CSV file to write (written atomically).", Required = true };
        var rows = new Option<int?>("--rows", "-n") { Description = "Rows to write (default: as many as DATA has; 1000 with --generate)." };
        var seed = new Option<int>("--seed") { Description = "Same seed, same rows.", DefaultValueFactory = _ => 0 };
        var target = new Option<string?>("--target") { Description = "A class column: fit one copula per class, keeping each class's own structure." };
        var drop = new Option<string[]>("--drop") { Description = "Leave this column out (repeatable), e.g. free text or an id.", DefaultValueFactory = _ => [] };
        var generate = new Option<string?>("--generate") { Description = "Write a demo dataset instead: moons, blobs, classification or regression." };
        var features = new Option<int?>("--features") { Description = "--generate blobs, classification, regression: feature columns." };
        var classes = new Option<int?>("--classes") { Description = "--generate blobs (centres), classification: classes." };
        var noise = new Option<double?>("--noise") { Description = "--generate moons, regression: noise std; blobs: spread; classification: share of flipped labels." };
        var weights = new Option<string?>("--weights") { Description = "--generate classification: share of each class, e.g. 0.95,0.05 for an imbalanced task." };
        var command = new Command("synthesize", "Write synthetic rows that follow a CSV file's columns and correlations, or a generated demo dataset.")
        {
            data, output, rows, seed, target, drop, generate, features, classes, noise, weights,
        };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            var path = parsed.GetValue(data);
            var file = parsed.GetValue(output)!;
            if (parsed.GetValue(rows) is < 1) throw LatheException.BadConfig($"--rows must be at least 1, not {parsed.GetValue(rows)}.");
            if (parsed.GetValue(generate) is { } kind)
            {
                if (path is not null) throw LatheException.BadConfig("--generate writes a dataset from nothing; leave out DATA, or leave out --generate to learn from DATA.");
                if (parsed.GetValue(target) is not null) throw LatheException.BadConfig("--target applies to learning from DATA, not to --generate.");
                var settings = new GenerateConfig
                {
                    Kind = kind, Rows = parsed.GetValue(rows) ?? 1000, Features = parsed.GetValue(features), Classes = parsed.GetValue(classes),
                    Noise = parsed.GetValue(noise), Weights = Shares(parsed.GetValue(weights)),
                };
                var table = SynthesisRun.Generate(settings, file, parsed.GetValue(seed));
                console.Output.WriteLine($"generated: {kind}, {table.RowCount} rows, columns {string.Join(", ", table.ColumnNames)} (seed {parsed.GetValue(seed)})");
            }
            else
            {
                if (path is null) throw LatheException.BadConfig("name the DATA file to learn from, or use --generate moons|blobs|classification|regression.");
                if (parsed.GetValue(features) is not null || parsed.GetValue(classes) is not null || parsed.GetValue(noise) is not null || parsed.GetValue(weights) is not null)
                    throw LatheException.BadConfig("--features, --classes, --noise and --weights apply to --generate only.");
                var report = SynthesisRun.Synthesize(path, parsed.GetValue(rows), file, parsed.GetValue(seed), parsed.GetValue(target),
                    parsed.GetValue(drop) ?? [], console.Output.WriteLine);
                console.Output.WriteLine(report.ToText());
            }
            console.Output.WriteLine($"wrote {file}");
            return 0;
        }));
        return command;
    }

    private static List<double>? Shares(string? text) => text?.Split(',').Select(part =>
        double.TryParse(part.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var share)
            ? share
            : throw LatheException.BadConfig($"--weights: '{part}' is not a number; give shares such as 0.95,0.05.")).ToList();
}
