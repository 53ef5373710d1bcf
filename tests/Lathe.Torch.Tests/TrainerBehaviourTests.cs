using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Schedules;
using Lathe.Torch.Training;
using Lathe.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Tests;

public class TrainerBehaviourTests
{
    /// <summary>64 rows of 4 features; the class is the sign of the first feature.</summary>
    private static TensorData Data(int seed, int rows = 64)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, rows * 4).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var y = Enumerable.Range(0, rows).Select(r => x[r * 4] > 0 ? 1L : 0L).ToArray();
        return TensorData.From(x, 4, y);
    }

    private static MlpNet Net(int seed, double dropout = 0)
    {
        Runtime.TorchRuntime.Initialize();
        random.manual_seed(seed);
        return new MlpNet(4, [8], 2, dropout);
    }

    private static float[] Weights(nn.Module net) =>
        [.. net.parameters().SelectMany(p => p.detach().data<float>().ToArray())];

    private static TrainerOptions Sgd(int epochs = 1, int batch = 16) => new()
    {
        Epochs = epochs, BatchSize = batch, Shuffle = false, Device = "cpu",
        Optimizer = new OptimizerOptions { Type = "sgd", LearningRate = 0.1 },
    };

    [Fact]
    public void Accumulating_two_half_batches_equals_one_full_batch()
    {
        using var data = Data(1);
        using var full = Net(3);
        using var halves = Net(3);
        new Trainer(Sgd(batch: 16)).Fit(full, new SoftmaxObjective(), data, null, new FitContext(), CPU);
        new Trainer(Sgd(batch: 8) with { AccumulateBatches = 2 }).Fit(halves, new SoftmaxObjective(), data, null, new FitContext(), CPU);
        var a = Weights(full);
        var b = Weights(halves);
        for (var i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i], 5);
    }

    [Fact]
    public void Gradient_value_clipping_bounds_each_sgd_step()
    {
        using var data = Data(1, rows: 16);
        using var net = Net(3);
        var before = Weights(net);
        new Trainer(Sgd(batch: 16) with { ClipValue = 1e-3 }).Fit(net, new SoftmaxObjective(), data, null, new FitContext(), CPU);
        var after = Weights(net);
        Assert.All(before.Zip(after), p => Assert.True(Math.Abs(p.First - p.Second) <= 0.1 * 1e-3 + 1e-7));
        Assert.Contains(before.Zip(after), p => p.First != p.Second);
    }

    [Fact]
    public void Gradient_norm_clipping_bounds_the_whole_step()
    {
        using var data = Data(1, rows: 16);
        using var net = Net(3);
        var before = Weights(net);
        new Trainer(Sgd(batch: 16) with { ClipNorm = 0.01 }).Fit(net, new SoftmaxObjective(), data, null, new FitContext(), CPU);
        var step = Math.Sqrt(before.Zip(Weights(net)).Sum(p => Math.Pow(p.First - p.Second, 2)));
        Assert.True(step <= 0.1 * 0.01 + 1e-6, $"step norm {step}");
    }

    [Fact]
    public void An_l1_penalty_shrinks_the_weights()
    {
        using var data = Data(1);
        using var plain = Net(3);
        using var penalized = Net(3);
        var options = Sgd(epochs: 20);
        new Trainer(options).Fit(plain, new SoftmaxObjective(), data, null, new FitContext(), CPU);
        new Trainer(options with { L1 = 0.01 }).Fit(penalized, new SoftmaxObjective(), data, null, new FitContext(), CPU);
        double MeanAbs(nn.Module net) => Trainer.PenalizedParameters(net).SelectMany(p => p.detach().data<float>().ToArray()).Average(Math.Abs);
        Assert.True(MeanAbs(penalized) < 0.8 * MeanAbs(plain), $"{MeanAbs(penalized)} vs {MeanAbs(plain)}");
    }

    [Fact]
    public void The_schedule_sets_the_rate_of_every_step_and_the_history_shows_it()
    {
        using var data = Data(1);
        using var net = Net(3);
        var history = new History();
        var options = Sgd(epochs: 4) with { Schedule = new ScheduleOptions { Type = "step", StepSize = 2, Gamma = 0.5 } };
        new Trainer(options).Fit(net, new SoftmaxObjective(), data, null, new FitContext(callbacks: [history]), CPU);
        Assert.Equal([0.1, 0.1, 0.05, 0.05], history.Series("lr").Select(s => Math.Round(s.Value, 10)));
    }

    [Fact]
    public void A_diverging_run_stops_names_the_step_and_keeps_finite_weights()
    {
        using var data = Data(1);
        using var net = Net(3);
        var context = new FitContext();
        var options = Sgd(epochs: 50) with { Optimizer = new OptimizerOptions { Type = "sgd", LearningRate = 1e6 } };
        var epochs = new Trainer(options).Fit(net, new SoftmaxObjective(), data, null, context, CPU);
        Assert.True(epochs < 50);
        Assert.Matches(@"diverged at epoch \d+, step \d+", context.StopReason);
        Assert.All(Weights(net), w => Assert.True(float.IsFinite(w)));
    }

    [Fact]
    public void An_epoch_leaves_no_tensor_alive()
    {
        using var data = Data(1);
        using var net = Net(3, dropout: 0.2);
        var trainer = new Trainer(Sgd(epochs: 1) with { L2 = 0.001, ClipNorm = 1, Optimizer = new OptimizerOptions { Type = "adam" } });
        trainer.Fit(net, new SoftmaxObjective(), data, data, new FitContext(), CPU); // warm-up: optimizer state, caches
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        trainer.Fit(net, new SoftmaxObjective(), data, data, new FitContext(), CPU);
        var one = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        new Trainer(trainer.Options with { Epochs = 4 }).Fit(net, new SoftmaxObjective(), data, data, new FitContext(), CPU);
        var four = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Assert.Equal($"{before} {before} {before}", $"{before} {one} {four}");
    }
}

public class DivergenceWithMonitorsTests
{
    [Fact]
    public void A_diverging_run_with_early_stopping_on_validation_loss_stops_with_the_divergence_message()
    {
        var data = SyntheticData.Classification(SyntheticData.Blobs(60, 1), SyntheticData.Blobs(30, 2));
        var context = new FitContext(1, [new EarlyStopping("val_loss", 5)]);
        var options = new Lathe.Torch.Models.MlpOptions
        {
            Hidden = [8],
            Training = new TrainerOptions { Epochs = 30, Device = "cpu", Optimizer = new OptimizerOptions { Type = "sgd", LearningRate = 1e8 } },
        };
        new Lathe.Torch.Models.MlpClassifier(options).Fit(data, context);
        Assert.Contains("diverged", context.StopReason);
    }
}
