using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using static TorchSharp.torch;

namespace Lathe.Torch.Tests;

public class LearningRateFinderTests
{
    [Fact]
    public void The_suggestion_is_where_the_loss_falls_fastest_before_it_blows_up()
    {
        // Loss flat at 2 until lr 1e-4, falling to 0.2 around 1e-2 (steepest at 1e-3), exploding past 1.
        var rates = Enumerable.Range(0, 81).Select(i => Math.Pow(10, -7 + i * 0.1)).ToArray();
        var smoothed = rates.Select(r => 0.2 + 1.8 / (1 + Math.Exp(3 * (Math.Log10(r) + 3))) + (r > 1 ? 50 * (r - 1) : 0)).ToArray();
        var search = LearningRateFinder.Suggest(rates, smoothed, smoothed);
        Assert.InRange(Math.Log10(search.Suggested), -3.3, -2.7);
        Assert.True(search.MinimumLossRate > 1e-2 && search.MinimumLossRate <= 1.01);
    }

    [Fact]
    public void A_range_test_on_real_training_suggests_a_usable_rate()
    {
        Runtime.TorchRuntime.Initialize();
        var random = new Random(1);
        var x = Enumerable.Range(0, 512 * 4).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        using var data = TensorData.From(x, 4, Enumerable.Range(0, 512).Select(r => x[r * 4] + x[r * 4 + 1] > 0 ? 1L : 0L).ToArray());
        TorchSharp.torch.random.manual_seed(1);
        using var net = new MlpNet(4, [16], 2, 0);
        var search = LearningRateFinder.Run(net, new SoftmaxObjective(), data, new OptimizerOptions { Type = "sgd" }, 32, 1, CPU);
        Assert.InRange(search.Suggested, 1e-3, 5);
        Assert.True(search.SmoothedLosses.Min() < search.SmoothedLosses[0]);
        Assert.True(search.Rates.Zip(search.Rates.Skip(1)).All(p => p.Second > p.First));
    }
}
