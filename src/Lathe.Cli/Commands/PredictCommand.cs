using System.CommandLine;
using Lathe.Experiments.Runs;

namespace Lathe.Cli.Commands;

/// <summary>lathe predict RUN --input FILE --output FILE</summary>
internal static class PredictCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Argument<string>("run") { Description = "A run folder printed by `lathe train` (or its model/ folder)." };
        var input = new Option<string>("--input", "-i") { Description = "CSV file with the model's input columns.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "CSV file to write, one prediction per input row.", Required = true };
        var command = new Command("predict", "Predict with a trained model.") { run, input, output };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            var outputPath = parsed.GetValue(output)!;
            var rows = PredictionRun.Execute(parsed.GetValue(run)!, parsed.GetValue(input)!, outputPath);
            console.Output.WriteLine($"wrote {rows} predictions to {Path.GetFullPath(outputPath)}");
            return 0;
        }));
        return command;
    }
}
