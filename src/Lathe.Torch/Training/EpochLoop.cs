using Lathe.Torch.Augmentation;
using Lathe.Torch.Objectives;
using Lathe.Torch.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lathe.Torch.Training;

/// <summary>One pass over the training rows: the inner loop of the <see cref="Trainer"/>.</summary>
internal sealed class EpochLoop(
    Trainer trainer, nn.Module<Tensor, Tensor> net, IObjective objective, optim.Optimizer optimizer,
    ILearningRateSchedule schedule, long stepsPerEpoch, long totalSteps, Device device)
{
    private readonly TrainerOptions _options = trainer.Options;
    private readonly Parameter[] _penalized = Trainer.PenalizedParameters(net);
    private readonly Parameter[] _parameters = [.. net.parameters()];
    private readonly double[] _baseRates = [.. optimizer.ParamGroups.Select(g => g.LearningRate)];

    /// <summary>Changes each training batch before the forward pass (null: none).</summary>
    public BatchAugmenter? Augmenter { get; init; }

    /// <summary>The fit's seed, from which the augmentations' draws derive.</summary>
    public int Seed { get; init; }

    /// <summary>Optimizer steps taken so far in the whole fit.</summary>
    public long Step { get; set; }

    /// <summary>The scheduled learning rate (before any per-layer multiplier) of the latest step.</summary>
    public double LastRate { get; private set; }

    public readonly record struct Result(double Loss, double Accuracy, long? DivergedAtStep);

    public Result Run(TensorData train, Generator generator, int epoch)
    {
        net.train();
        using var order = _options.Shuffle ? randperm(train.Rows, generator: generator) : arange(train.Rows);
        using var correct = zeros(1, ScalarType.Int64, device);
        double lossSum = 0;
        long rowsSeen = 0;
        var batchInStep = 0;
        using (NewDisposeScope()) optimizer.zero_grad(); // reading .grad makes tensor handles: keep them scoped
        for (long start = 0; start < train.Rows && Step < totalSteps; start += _options.BatchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(_options.BatchSize, train.Rows - start);
            var rows = order.narrow(0, start, length);
            var x = train.Inputs.index_select(0, rows).to(device);
            var y = train.Targets.index_select(0, rows).to(device);
            if (Augmenter is not null) (x, y) = Augmenter.Apply(x, y, Seed, epoch, start / _options.BatchSize);
            var output = net.forward(x);
            var loss = objective.Loss(output, y);
            var batchLoss = loss.item<float>();
            if (!float.IsFinite(batchLoss))
                return new Result(batchLoss, 0, Step + 1);
            lossSum += batchLoss * (double)length;
            rowsSeen += length;
            if (objective.HasAccuracy)
                using (no_grad()) correct.add_(objective.Correct(output, y));

            var total = Penalty() is { } penalty ? loss + penalty : loss;
            (_options.AccumulateBatches > 1 ? total / _options.AccumulateBatches : total).backward();
            var lastBatch = start + length >= train.Rows;
            if (++batchInStep == _options.AccumulateBatches || lastBatch)
            {
                TakeStep();
                batchInStep = 0;
            }
        }
        return new Result(lossSum / Math.Max(rowsSeen, 1), (double)correct.item<long>() / Math.Max(rowsSeen, 1), null);
    }

    /// <summary>l1·Σ|w| + l2·Σw² over the penalized parameters; null when both are off.</summary>
    private Tensor? Penalty()
    {
        Tensor? penalty = null;
        foreach (var p in _penalized)
        {
            if (_options.L1 > 0) penalty = Add(penalty, p.abs().sum() * _options.L1);
            if (_options.L2 > 0) penalty = Add(penalty, p.pow(2).sum() * _options.L2);
        }
        return penalty;
    }

    private static Tensor Add(Tensor? sum, Tensor term) => sum is null ? term : sum + term;

    private void TakeStep()
    {
        if (_options.ClipValue is { } value) nn.utils.clip_grad_value_(_parameters, value);
        if (_options.ClipNorm is { } norm) nn.utils.clip_grad_norm_(_parameters, norm);
        var clock = new ScheduleClock(Step, stepsPerEpoch, totalSteps);
        var groups = optimizer.ParamGroups.ToArray();
        for (var g = 0; g < groups.Length; g++) groups[g].LearningRate = schedule.Rate(_baseRates[g], clock);
        LastRate = schedule.Rate(_options.Optimizer.LearningRate, clock); // the configured rate, whatever the groups' multipliers
        optimizer.step();
        optimizer.zero_grad();
        Step++;
    }
}
