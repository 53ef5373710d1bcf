using System.Diagnostics;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using Lathe.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Bench;

/// <summary>
/// Trains the same MLP twice on the same tensors with the same seeds: (a) with Lathe's <see cref="Trainer"/>
/// and an <see cref="MlpNet"/>, as <c>lathe train</c> does, and (b) with a <see cref="PlainLoop"/>. One
/// <see cref="Trainer.Fit"/> runs all of (a)'s epochs; a callback runs one epoch of (b) (and of the
/// attribution loop, when asked) after each of (a)'s, so the loops alternate a, b, a, b. An (a) epoch is
/// timed from the end of the previous callback to the start of the next, which covers all the Trainer does
/// per epoch. Epoch 1 of each loop is a warm-up and is not counted.
/// </summary>
public sealed class InterleavedComparison(BenchOptions options, TensorData data) : ICallback
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
        using var plain = new PlainLoop(data, options.Seed, BatchSize, LearningRate);
        using var attribution = options.Attribute ? new PlainLoop(data, options.Seed, BatchSize, LearningRate, withTrainerMetrics: true) : null;
        _plainLoop = plain;
        _attributionLoop = attribution;

        random.manual_seed(options.Seed);
        using var net = new MlpNet(FashionMnist.Width, [256, 128], FashionMnist.Classes, dropout: 0);
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
        PrintSummary();
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

    private void PrintSummary()
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
    }
}
