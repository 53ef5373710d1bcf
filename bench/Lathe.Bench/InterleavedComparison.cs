using System.Diagnostics;
using System.Globalization;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using Lathe.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Bench;

/// <summary>
/// Trains the same network (a <see cref="BenchModel"/>: MLP or CNN) twice on the same tensors with the same
/// seeds: (a) with Lathe's <see cref="Trainer"/> and Lathe's own net, as <c>lathe train</c> does, and (b) with
/// a <see cref="PlainLoop"/> over a hand-written TorchSharp <c>Sequential</c>. One
/// <see cref="Trainer.Fit"/> runs all of (a)'s epochs; a callback runs one epoch of (b) (and of the
/// attribution loop, when asked) after each of (a)'s, so the loops alternate a, b, a, b. An (a) epoch is
/// timed from the end of the previous callback to the start of the next, which covers all the Trainer does
/// per epoch. Epoch 1 of each loop is a warm-up and is not counted. Before and after the training, a
/// 2048² matmul's GFLOP/s is measured, and the training step's achieved GFLOP/s (from
/// <see cref="TrainingFlops"/>) is reported as a share of it. Ends with one <c>RESULT</c> line that
/// bench/compare-torch.sh reads.
/// </summary>
public sealed class InterleavedComparison(BenchOptions options, BenchModel model, TensorData data) : ICallback
{
    public const int BatchSize = 128;
    public const double LearningRate = 1e-3;

    private readonly EpochTimes _lathe = new("lathe-trainer");
    private readonly EpochTimes _plain = new("plain-loop");
    private readonly EpochTimes _attributed = new("plain+trainer-metrics");
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private PlainLoop? _plainLoop;
    private PlainLoop? _attributionLoop;
    private TimeSpan _latheEpochStart;

    public void Run()
    {
        var matmulBefore = MatmulThroughput.Measure();
        Console.WriteLine($"matmul 2048×2048 fp32 before training: {matmulBefore:0.0} GFLOP/s (median of 7)");
        using var plain = new PlainLoop(data, model.BuildPlain, options.Seed, BatchSize, LearningRate);
        using var attribution = options.Attribute
            ? new PlainLoop(data, model.BuildPlain, options.Seed, BatchSize, LearningRate, withTrainerMetrics: true)
            : null;
        _plainLoop = plain;
        _attributionLoop = attribution;

        random.manual_seed(options.Seed);
        using var net = model.BuildLathe();
        var trainer = new Trainer(new TrainerOptions
        {
            Epochs = options.Epochs + 1,
            BatchSize = BatchSize,
            Shuffle = true,
            Device = "cpu",
            Optimizer = new OptimizerOptions { Type = "adam", LearningRate = LearningRate },
        });
        var context = new FitContext(options.Seed, [this]);
        trainer.Fit(net, new SoftmaxObjective(), data, validation: null, context, CPU);
        var matmulAfter = MatmulThroughput.Measure();
        Console.WriteLine($"matmul 2048×2048 fp32 after training: {matmulAfter:0.0} GFLOP/s (median of 7)");
        PrintSummary((matmulBefore + matmulAfter) / 2);
    }

    void ICallback.OnFitStart(FitContext context) => _latheEpochStart = _clock.Elapsed;

    void ICallback.OnStep(StepReport report, FitContext context)
    {
        var latheSeconds = (_clock.Elapsed - _latheEpochStart).TotalSeconds;
        var plainSeconds = _plainLoop!.RunEpoch();
        var attributedSeconds = _attributionLoop?.RunEpoch() ?? double.NaN;
        var warmUp = report.Step == 1;
        if (!warmUp)
        {
            _lathe.Add(latheSeconds);
            _plain.Add(plainSeconds);
            if (_attributionLoop is not null) _attributed.Add(attributedSeconds);
        }

        var line = $"epoch {report.Step - 1,2}{(warmUp ? " (warm-up, not counted)" : "")}: " +
            $"lathe {EpochTimes.Format(latheSeconds)} s (Trainer's own epoch_seconds {EpochTimes.Format(report.Metrics["epoch_seconds"])}), " +
            $"plain {EpochTimes.Format(plainSeconds)} s";
        if (_attributionLoop is not null) line += $", plain+metrics {EpochTimes.Format(attributedSeconds)} s";
        line += $" | train_loss lathe {report.Metrics["train_loss"]:0.00000} plain {_plainLoop.LastLoss:0.00000}";
        Console.WriteLine(line);
        _latheEpochStart = _clock.Elapsed;
    }

    private void PrintSummary(double matmulGflops)
    {
        Console.WriteLine();
        foreach (var times in options.Attribute ? new[] { _lathe, _plain, _attributed } : [_lathe, _plain])
            Console.WriteLine($"{times.Name,-22} median {EpochTimes.Format(times.Median)} s/epoch over {times.Seconds.Count} epochs " +
                $"[{string.Join(", ", times.Seconds.Select(EpochTimes.Format))}]");
        Console.WriteLine($"ratio lathe/plain (medians): {_lathe.Median / _plain.Median:0.000} (target <= 1.05)");
        var paired = new EpochTimes("paired");
        for (var i = 0; i < _lathe.Seconds.Count; i++) paired.Add(_lathe.Seconds[i] / _plain.Seconds[i]);
        Console.WriteLine($"ratio lathe/plain (median of per-epoch pairs, steadier on a shared machine): {paired.Median:0.000}");
        if (options.Attribute)
            Console.WriteLine($"ratio (plain+trainer-metrics)/plain: {_attributed.Median / _plain.Median:0.000}");

        var flops = model.Flops;
        var epochGflop = flops.ConventionPerRow * data.Rows / 1e9;
        var neededGflop = flops.NeededPerRow * data.Rows / 1e9;
        Console.WriteLine();
        Console.WriteLine($"training FLOPs: {flops.Formula} = {flops.ConventionPerRow / 1e6:0.000} MFLOP/row, " +
            $"{epochGflop:0.0} GFLOP/epoch over {data.Rows} rows (without the first layer's input gradient, " +
            $"which autograd skips: {flops.NeededPerRow / 1e6:0.000} MFLOP/row, {neededGflop:0.0} GFLOP/epoch)");
        foreach (var times in new[] { _lathe, _plain })
            Console.WriteLine($"{times.Name,-22} {epochGflop / times.Median:0.0} GFLOP/s by the 3× count " +
                $"({epochGflop / times.Median / matmulGflops:P0} of the matmul's {matmulGflops:0.0}), " +
                $"{neededGflop / times.Median:0.0} GFLOP/s needed ({neededGflop / times.Median / matmulGflops:P0})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT model={model.Name} rows={data.Rows} lathe_s={_lathe.Median:0.000} plain_s={_plain.Median:0.000} " +
            $"ratio={_lathe.Median / _plain.Median:0.000} paired_ratio={paired.Median:0.000} matmul_gflops={matmulGflops:0.0} " +
            $"gflop_per_epoch={epochGflop:0.00} lathe_gflops={epochGflop / _lathe.Median:0.0} plain_gflops={epochGflop / _plain.Median:0.0}"));
    }
}
