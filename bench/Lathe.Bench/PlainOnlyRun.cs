using System.Globalization;
using Lathe.Torch.Training;

namespace Lathe.Bench;

/// <summary>
/// The plain TorchSharp loop alone: one uncounted warm-up epoch, then <see cref="BenchOptions.Epochs"/>
/// measured ones. Ends with one <c>RESULT</c> line that bench/omp-policy.sh reads.
/// </summary>
public static class PlainOnlyRun
{
    public static void Run(BenchOptions options, BenchModel model, TensorData data)
    {
        using var loop = new PlainLoop(data, model.BuildPlain, options.Seed, InterleavedComparison.BatchSize, InterleavedComparison.LearningRate);
        var times = new EpochTimes("plain-loop");
        for (var epoch = 0; epoch <= options.Epochs; epoch++)
        {
            var seconds = loop.RunEpoch();
            if (epoch > 0) times.Add(seconds);
            Console.WriteLine($"epoch {epoch,2}{(epoch == 0 ? " (warm-up, not counted)" : "")}: plain {EpochTimes.Format(seconds)} s, " +
                $"train_loss {loop.LastLoss.ToString("0.00000", CultureInfo.InvariantCulture)}");
        }
        Console.WriteLine($"RESULT median_s={EpochTimes.Format(times.Median)} epochs=[{string.Join(",", times.Seconds.Select(EpochTimes.Format))}]");
    }
}
