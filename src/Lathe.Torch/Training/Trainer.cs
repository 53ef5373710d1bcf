using System.Diagnostics;
using Lathe.Torch.Augmentation;
using Lathe.Torch.Objectives;
using Lathe.Torch.Schedules;
using Lathe.Torch.Transfer;
using Lathe.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lathe.Torch.Training;

/// <summary>
/// The epoch/batch loop: shuffle, forward, loss (+ explicit L1/L2), backward, accumulate, clip, set the
/// scheduled learning rate, optimizer step; then validation metrics, reported through the
/// <see cref="FitContext"/> after every epoch, and checkpoints. Each batch runs in a DisposeScope, so no
/// tensor outlives its step. Seeded: the same seed gives the same weights on CPU, and a run resumed
/// from a checkpoint ends with the same weights as an uninterrupted one.
/// </summary>
public sealed class Trainer
{
    private const int EvaluationBatch = 4096;

    public Trainer(TrainerOptions options)
    {
        Runtime.TorchRuntime.Initialize();
        options.Validate();
        Options = options;
    }

    public TrainerOptions Options { get; }

    /// <summary>Trains <paramref name="net"/> in place and returns the number of the last epoch reported.</summary>
    /// <param name="augmenter">Changes each training batch (built by the estimator for its input from <see cref="TrainerOptions.Augment"/>).</param>
    public int Fit(nn.Module<Tensor, Tensor> net, IObjective objective, TensorData train, TensorData? validation,
        FitContext context, Device device, BatchAugmenter? augmenter = null)
    {
        if (Options.Augment.Count > 0 && augmenter is null)
            throw LatheException.BadConfig("data.augment: this model type does not support augmentation; remove data.augment (see docs/augmentation.md for which models do).");
        if (Options.Threads is { } threads) set_num_threads(threads);
        var batchesPerEpoch = (train.Rows + Options.BatchSize - 1) / Options.BatchSize;
        var stepsPerEpoch = (batchesPerEpoch + Options.AccumulateBatches - 1) / Options.AccumulateBatches;
        var totalSteps = Math.Min(Options.Epochs * stepsPerEpoch, Options.MaxSteps ?? long.MaxValue);
        var schedule = Options.Schedule.Create(stepsPerEpoch);
        var metricSchedule = schedule as IMetricSchedule ?? (schedule as LinearWarmupSchedule)?.After as IMetricSchedule;

        var freezing = Options.Finetune.IsEmpty ? null : new LayerFreezing(net, Options.Finetune);
        using var optimizer = freezing is null
            ? OptimizerFactory.Create(Options.Optimizer, net.parameters())
            : OptimizerFactory.Create(Options.Optimizer, [.. freezing.Parameters.Select((p, i) => (p.Parameter, freezing.Multipliers[i]))
                .GroupBy(p => p.Item2).Select(g => ((IReadOnlyList<Parameter>)[.. g.Select(x => x.Parameter)], g.Key))]);
        using var generator = new Generator((ulong)context.Seed);
        var loop = new EpochLoop(this, net, objective, optimizer, schedule, stepsPerEpoch, totalSteps, device)
        {
            Augmenter = augmenter, Seed = context.Seed,
        };
        var checkpoints = context.Checkpoints is { } settings ? new TrainerCheckpoints(settings) : null;

        context.Start(Options.MaxSteps is null ? Options.Epochs : (int)Math.Min(Options.Epochs, (totalSteps + stepsPerEpoch - 1) / stepsPerEpoch),
            new ModuleState(net));
        var epoch = 0;
        try
        {
            if (checkpoints?.Settings.ResumeFrom is { } from)
            {
                var resumed = checkpoints.Resume(from, net, optimizer, generator, metricSchedule, context);
                (epoch, loop.Step) = (resumed.Epoch, resumed.Step);
                context.Log($"resumed from {from} after epoch {epoch} (step {loop.Step})");
            }
            while (++epoch <= Options.Epochs && !context.StopRequested && loop.Step < totalSteps)
            {
                if (freezing?.ApplyFor(epoch) == true)
                    context.Log($"epoch {epoch}: frozen layers: {(freezing.FrozenAt(epoch) is { Count: > 0 } f ? string.Join(", ", f) : "none")}");
                var clock = Stopwatch.StartNew();
                var result = loop.Run(train, generator, epoch);
                var metrics = new Dictionary<string, double> { ["train_loss"] = result.Loss };
                if (objective.HasAccuracy) metrics["train_accuracy"] = result.Accuracy;
                if (result.DivergedAtStep is { } badStep)
                {
                    context.RequestStop($"training diverged at epoch {epoch}, step {badStep}: the loss became {result.Loss}. " +
                                        "The weights of the last good step are kept. Lower train.optimizer.lr or set train.clip_norm.");
                    if (validation is not null)
                    {
                        // Not measured; reported as NaN so monitors find their metric and count no improvement.
                        metrics["val_loss"] = double.NaN;
                        if (objective.HasAccuracy) metrics["val_accuracy"] = double.NaN;
                    }
                }
                else if (validation is not null)
                {
                    var (valLoss, valAccuracy) = Evaluate(net, objective, validation, device);
                    metrics["val_loss"] = valLoss;
                    if (objective.HasAccuracy) metrics["val_accuracy"] = valAccuracy;
                }
                if (objective.ReportsPerplexity)
                {
                    metrics["train_perplexity"] = Math.Exp(result.Loss);
                    if (metrics.TryGetValue("val_loss", out var valLoss)) metrics["val_perplexity"] = Math.Exp(valLoss);
                }
                metrics["lr"] = loop.LastRate;
                metrics["epoch_seconds"] = clock.Elapsed.TotalSeconds;
                if (result.DivergedAtStep is null) metricSchedule?.Observe(metrics);
                context.Report(epoch, metrics);
                if (result.DivergedAtStep is null)
                    checkpoints?.Save(epoch, loop.Step, metrics, net, optimizer, generator, metricSchedule, context);
            }
        }
        finally
        {
            foreach (var parameter in net.parameters()) parameter.requires_grad = true; // the returned model is not left half-frozen
            context.Finish();
        }
        return context.LastStep;
    }

    /// <summary>Mean loss and accuracy of <paramref name="net"/> on <paramref name="data"/>, without updating it.</summary>
    public static (double Loss, double Accuracy) Evaluate(nn.Module<Tensor, Tensor> net, IObjective objective, TensorData data, Device device)
    {
        net.eval();
        using var _ = no_grad();
        double lossSum = 0;
        long correct = 0;
        for (long start = 0; start < data.Rows; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(EvaluationBatch, data.Rows - start);
            var x = data.Inputs.narrow(0, start, length).to(device);
            var y = data.Targets.narrow(0, start, length).to(device);
            var output = net.forward(x);
            lossSum += objective.Loss(output, y).item<float>() * (double)length;
            if (objective.HasAccuracy) correct += objective.Correct(output, y).item<long>();
        }
        return (lossSum / data.Rows, (double)correct / data.Rows);
    }

    /// <summary>Parameters the explicit L1/L2 penalties apply to: weight matrices and kernels, not biases or norm scales.</summary>
    public static Parameter[] PenalizedParameters(nn.Module net) => [.. net.parameters().Where(p => p.dim() > 1)];
}
