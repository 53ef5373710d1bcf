using System.Globalization;
using System.Text;
using Lathe.Experiments.Plots;
using Lathe.IO;
using Lathe.Torch.Training;

namespace Lathe.Experiments.Runs;

/// <summary>`lathe lr-find`: the learning-rate range test on a config's data, model, optimizer and batch size.</summary>
public static class LearningRateSearchRun
{
    /// <summary>Writes lr_find.csv and lr_find.png into <paramref name="outputDirectory"/>.</summary>
    public static LearningRateSearch Execute(string configPath, IReadOnlyList<string> overrides, string outputDirectory,
        double minRate, double maxRate, int steps, Action<string> log)
    {
        var setup = TrainingSetup.Load(configPath, overrides, log);
        var config = setup.Config;
        log($"range test: {config.Train.Optimizer.Type}, batch {config.Train.BatchSize}, lr {minRate:G3} to {maxRate:G3} over {steps} batches");
        var search = setup.Estimator.FindLearningRate(setup.Prepared, config.Seed, minRate, maxRate, steps);

        Directory.CreateDirectory(outputDirectory);
        var csv = new StringBuilder("lr,loss,smoothed_loss\n");
        for (var i = 0; i < search.Rates.Length; i++)
            csv.Append(CultureInfo.InvariantCulture, $"{search.Rates[i]:G6},{search.Losses[i]:G6},{search.SmoothedLosses[i]:G6}\n");
        AtomicFile.WriteAllText(Path.Combine(outputDirectory, "lr_find.csv"), csv.ToString());
        LearningRatePlot.Save(search, Path.Combine(outputDirectory, "lr_find.png"));
        return search;
    }
}
