using Lathe.Torch.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Training;

/// <summary>What the learning-rate range test measured and the rate it suggests.</summary>
public sealed record LearningRateSearch(double[] Rates, double[] Losses, double[] SmoothedLosses, double Suggested, double MinimumLossRate, string Note);

/// <summary>
/// The learning-rate range test (Smith 2017, "Cyclical Learning Rates"): train from fresh weights while
/// the rate grows exponentially from <c>minRate</c> to <c>maxRate</c>, one batch per rate, and record the
/// loss (smoothed by an exponential moving average). It stops early once the loss exceeds four times its
/// best. The suggested rate is where the smoothed loss falls fastest against log(rate), which is usually
/// a safe rate to train at; one tenth of the rate at the minimum loss is given as a second opinion.
/// </summary>
public static class LearningRateFinder
{
    public static LearningRateSearch Run(nn.Module<Tensor, Tensor> net, IObjective objective, TensorData train, OptimizerOptions optimizerOptions,
        int batchSize, int seed, Device device, double minRate = 1e-7, double maxRate = 10, int steps = 100)
    {
        if (!(minRate > 0) || maxRate <= minRate) throw LatheException.BadConfig("The learning-rate range must satisfy 0 < min < max.");
        if (steps < 10) throw LatheException.BadConfig("The learning-rate finder needs at least 10 steps.");
        using var optimizer = OptimizerFactory.Create(optimizerOptions with { LearningRate = minRate }, net.parameters());
        using var generator = new Generator((ulong)seed);
        var rates = new List<double>();
        var losses = new List<double>();
        var smoothed = new List<double>();
        double average = 0, best = double.PositiveInfinity;
        Tensor? order = null;
        long position = train.Rows;
        net.train();
        try
        {
            for (var i = 0; i < steps; i++)
            {
                var rate = minRate * Math.Pow(maxRate / minRate, (double)i / (steps - 1));
                if (position + batchSize > train.Rows)
                {
                    order?.Dispose();
                    order = randperm(train.Rows, generator: generator);
                    position = 0;
                }
                using var scope = NewDisposeScope();
                var length = Math.Min(batchSize, train.Rows);
                var rows = order!.narrow(0, position, length);
                position += length;
                foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
                optimizer.zero_grad();
                var loss = objective.Loss(net.forward(train.Inputs.index_select(0, rows).to(device)), train.Targets.index_select(0, rows).to(device));
                var value = loss.item<float>();
                if (!float.IsFinite(value)) break;
                loss.backward();
                optimizer.step();
                average = 0.98 * average + 0.02 * value;
                var debiased = average / (1 - Math.Pow(0.98, i + 1));
                rates.Add(rate);
                losses.Add(value);
                smoothed.Add(debiased);
                best = Math.Min(best, debiased);
                if (i > 10 && debiased > 4 * best) break;
            }
        }
        finally
        {
            order?.Dispose();
        }
        return Suggest([.. rates], [.. losses], [.. smoothed]);
    }

    /// <summary>The suggestion from a measured curve (rates ascending, losses and their smoothed values).</summary>
    public static LearningRateSearch Suggest(double[] rates, double[] losses, double[] smoothed)
    {
        if (rates.Length < 5)
            throw LatheException.BadData("The loss diverged within the first few rates; lower the finder's minimum rate or check the data for extreme values.");
        var minimumAt = Array.IndexOf(smoothed, smoothed.Min());
        // Steepest fall of the smoothed loss per unit of log(rate), before the minimum (skip the noisy start).
        var steepest = -1;
        var steepestSlope = 0.0;
        for (var i = Math.Min(5, minimumAt); i < minimumAt; i++)
        {
            var slope = (smoothed[i + 1] - smoothed[i]) / (Math.Log(rates[i + 1]) - Math.Log(rates[i]));
            if (slope < steepestSlope) (steepest, steepestSlope) = (i, slope);
        }
        var minimumRate = rates[minimumAt];
        return steepest < 0
            ? new LearningRateSearch(rates, losses, smoothed, minimumRate / 10, minimumRate,
                "the loss never fell clearly; the suggestion is a tenth of the rate at the lowest loss")
            : new LearningRateSearch(rates, losses, smoothed, rates[steepest], minimumRate, "steepest fall of the smoothed loss");
    }
}
