using Lathe.Training;
using Spectre.Console;

namespace Lathe.Cli.Output;

/// <summary>A live progress bar on a terminal, with the latest epoch's metrics as its description.</summary>
internal static class ProgressBarDisplay
{
    public static T Run<T>(Func<ICallback, Action<string>, T> body) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("training", maxValue: 1);
                var callback = new BarCallback(task);
                var result = body(callback, line => AnsiConsole.WriteLine(line));
                task.Value = task.MaxValue;
                return result;
            });

    private sealed class BarCallback(ProgressTask task) : ICallback
    {
        public void OnFitStart(FitContext context) => task.MaxValue = context.TotalSteps ?? 1;

        public void OnStep(StepReport report, FitContext context)
        {
            task.Value = report.Step;
            task.Description = Markup.Escape(EpochPrinter.Describe(report));
        }
    }
}
