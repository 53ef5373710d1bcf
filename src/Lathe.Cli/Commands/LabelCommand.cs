using System.CommandLine;
using System.Globalization;
using Lathe.Experiments.Runs;

namespace Lathe.Cli.Commands;

/// <summary>lathe label RUN --input FILE --output FILE [--min-confidence P] [--confident-only]</summary>
internal static class LabelCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Argument<string>("run") { Description = "A classifier's run folder printed by `lathe train` (or its model/ folder)." };
        var input = new Option<string>("--input", "-i") { Description = "CSV file of rows to label (the model's input columns).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "CSV file to write: the input with the target column filled in and a confidence column.", Required = true };
        var minConfidence = new Option<double>("--min-confidence")
        {
            Description = "A row gets a label only when the predicted class's probability is at least this.", DefaultValueFactory = _ => 0.9,
        };
        var confidentOnly = new Option<bool>("--confident-only") { Description = "Write only the rows that got a label (and rows already labelled)." };
        var command = new Command("label", "Pseudo-label rows with a trained classifier, keeping only confident labels.") { run, input, output, minConfidence, confidentOnly };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            var outputPath = parsed.GetValue(output)!;
            var threshold = parsed.GetValue(minConfidence);
            var s = LabelingRun.Execute(parsed.GetValue(run)!, parsed.GetValue(input)!, outputPath, threshold, parsed.GetValue(confidentOnly));
            var p = threshold.ToString(CultureInfo.InvariantCulture);
            var classes = string.Join(", ", s.LabelledPerClass.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value}"));
            console.Output.WriteLine($"labelled: {s.Labelled} of {s.Rows} rows with confidence >= {p}" + (classes == "" ? "" : $" ({classes})"));
            console.Output.WriteLine($"below threshold: {s.BelowThreshold} rows, " +
                                     (s.ConfidentOnly ? "left out (--confident-only)" : $"written with an empty {s.Target}"));
            if (s.AlreadyLabelled > 0) console.Output.WriteLine($"already labelled: {s.AlreadyLabelled} rows kept as given");
            console.Output.WriteLine($"wrote {s.Written} rows to {Path.GetFullPath(outputPath)}");
            return 0;
        }));
        return command;
    }
}
