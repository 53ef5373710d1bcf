using System.Globalization;
using Lathe.Experiments.Selection;

namespace Lathe.Cli.Commands;

/// <summary>What `lathe train` and `lathe tune` print after model.type auto: the winner, its test scores and the run folder last.</summary>
internal static class ModelSelectionOutput
{
    public static int Print(CliConsole console, ModelSelectionResult result)
    {
        console.Output.WriteLine($"search: {result.SearchFolder}");
        console.Output.WriteLine($"winner: {result.ModelType} (trial {result.Trial}, {result.Metric} " +
            $"{result.ValidationScore.ToString("0.0000", CultureInfo.InvariantCulture)})  {result.Params}");
        if (result.Final.TestMetrics is not null) console.Output.WriteLine($"test: {TrainCommand.Format(result.Final.TestMetrics)}");
        console.Output.WriteLine($"run: {result.Final.Folder}");
        return 0;
    }
}
