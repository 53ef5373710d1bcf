using System.CommandLine;
using Lathe.Cli.Output;
using Lathe.Experiments.Runs;

namespace Lathe.Cli.Commands;

/// <summary>lathe evaluate RUN --data FILE</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Argument<string>("run") { Description = "A run folder printed by `lathe train` (or its model/ folder)." };
        var data = new Option<string>("--data", "-d") { Description = "CSV file with the model's input columns and the true target.", Required = true };
        var command = new Command("evaluate", "Score a trained model on new labelled data.") { run, data };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            var result = EvaluationRun.Execute(parsed.GetValue(run)!, parsed.GetValue(data)!);
            console.Output.WriteLine($"{result.Rows} rows: {MetricText.Format(result.Scores)}");
            if (result.Folder is not null) console.Output.WriteLine($"wrote {result.Folder}");
            return 0;
        }));
        return command;
    }
}
