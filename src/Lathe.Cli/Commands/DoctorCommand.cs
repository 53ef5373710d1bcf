using System.CommandLine;
using Lathe.Experiments.Runs;

namespace Lathe.Cli.Commands;

/// <summary>lathe doctor RUN</summary>
internal static class DoctorCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Argument<string>("run") { Description = "A run folder printed by `lathe train`." };
        var data = new Option<bool>("--data-sufficiency")
        {
            Description = "Also fit the run's config on shares of its training rows and judge whether more data would help (refits the model once per share and repeat).",
        };
        var sizes = CurveCommand.SizesOption();
        var repeats = CurveCommand.RepeatsOption();
        var command = new Command("doctor", "Diagnose a finished run from its learning curves: over- and underfitting, learning rate too high or too low, and (with --data-sufficiency) whether more data would help.")
        {
            run, data, sizes, repeats,
        };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            var folder = parsed.GetValue(run)!;
            if (parsed.GetValue(data))
            {
                var curve = DoctorRun.MeasureData(folder, CurveCommand.ParseShares(parsed.GetValue(sizes)!), parsed.GetValue(repeats),
                    new RunOptions { Log = console.Output.WriteLine });
                console.Output.WriteLine($"wrote {Path.Combine(curve.Folder, DoctorRun.SizeCurveFile)}");
            }
            var findings = DoctorRun.Execute(folder);
            if (findings.All(f => !f.Kind.StartsWith("more_data", StringComparison.Ordinal)) && !parsed.GetValue(data))
                console.Output.WriteLine("data sufficiency: not measured; `lathe doctor RUN --data-sufficiency` fits the model on shares of its training rows to judge it.");
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
