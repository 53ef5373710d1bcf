using System.CommandLine;
using Lathe.Experiments.Reports;

namespace Lathe.Cli.Commands;

/// <summary>lathe report RUN</summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Argument<string>("run") { Description = "A run folder printed by `lathe train`." };
        var command = new Command("report", "Write report.html (self-contained, pictures inline) and report.json into a finished run's folder.") { run };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            var result = ReportRun.Execute(parsed.GetValue(run)!, console.Output.WriteLine);
            foreach (var finding in result.Content.Findings) console.Output.WriteLine($"doctor: {finding.Title}");
            foreach (var note in result.Content.Notes) console.Output.WriteLine($"note: {note}");
            console.Output.WriteLine($"wrote {result.Json}");
            console.Output.WriteLine($"report: {result.Html}");
            return 0;
        }));
        return command;
    }
}
