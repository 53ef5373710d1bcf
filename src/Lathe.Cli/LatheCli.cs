using System.CommandLine;
using Lathe.Cli.Commands;

namespace Lathe.Cli;

/// <summary>
/// The lathe command line. Exit codes: 0 success, 1 internal error, 2 bad config or usage, 3 bad data.
/// User errors print one line starting with "error:" and no stack trace.
/// </summary>
public static class LatheCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Lathe: from raw data to an evaluated, saved model.");
        var console = new CliConsole(output, error);
        root.Subcommands.Add(TrainCommand.Create(console));
        root.Subcommands.Add(PredictCommand.Create(console));
        root.Subcommands.Add(LearningRateFindCommand.Create(console));
        root.Subcommands.Add(GenerateCommand.Create(console));
        root.Subcommands.Add(BatchSizeFindCommand.Create(console));
        root.Subcommands.Add(DoctorCommand.Create(console));
        root.Subcommands.Add(CurveCommand.Create(console));
        root.Subcommands.Add(EvaluateCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(TuneCommand.Create(console));
        root.Subcommands.Add(LabelCommand.Create(console));
        root.Subcommands.Add(SynthesizeCommand.Create(console));
        root.Subcommands.Add(RunsCommand.Create(console));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) error.WriteLine($"error: {problem.Message}");
            error.WriteLine("Run 'lathe --help' (or 'lathe COMMAND --help') for usage.");
            return 2;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Runs a command body, turning exceptions into the message and exit code the user should see.</summary>
    internal static int Guard(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (LatheException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("error: cancelled.");
            return 130;
        }
        catch (Exception e)
        {
            console.Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("LATHE_DEBUG") == "1") console.Error.WriteLine(e);
            else console.Error.WriteLine("This is a bug in Lathe. Set LATHE_DEBUG=1 to see the stack trace, and please report it.");
            return 1;
        }
    }
}
