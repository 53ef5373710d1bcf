using System.CommandLine;
using Lathe.Experiments.Runs;

namespace Lathe.Cli.Commands;

/// <summary>lathe doctor RUN</summary>
internal static class DoctorCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Argument<string>("run") { Description = "A run folder printed by `lathe train`." };
        var command = new Command("doctor", "Diagnose a finished run from its learning curves: over- and underfitting, learning rate too high or too low.") { run };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            var folder = parsed.GetValue(run)!;
            var findings = DoctorRun.Execute(folder);
            if (findings.Count == 0)
                console.Output.WriteLine("no problem found: the losses fell and levelled off, and validation kept up with training.");
            foreach (var finding in findings)
            {
                console.Output.WriteLine($"{finding.Title}: {finding.Evidence}");
                foreach (var remedy in finding.Remedies)
                    console.Output.WriteLine($"  try: {remedy.What}:  {remedy.Config.Replace("\n", "  ")}");
            }
            console.Output.WriteLine($"wrote {Path.Combine(Path.GetFullPath(folder), DoctorRun.FileName)}");
            return 0;
        }));
        return command;
    }
}
