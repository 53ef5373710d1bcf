using System.Diagnostics;
using Lathe.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Training;

/// <summary>
/// The epoch/batch loop: shuffle, forward, loss, backward, optimizer step; then validation loss and
/// metrics, reported through the <see cref="FitContext"/> after every epoch. Each batch runs in a
/// DisposeScope, so no tensor outlives its step. Seeded: the same seed gives the same weights on CPU.
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

    /// <summary>
    /// Trains <paramref name="net"/> in place. <paramref name="classification"/> adds accuracy to the
    /// reported metrics (targets are class indices). Returns the number of epochs run.
    /// </summary>
    public int Fit(nn.Module<Tensor, Tensor> net, Func<Tensor, Tensor, Tensor> loss, TensorData train, TensorData? validation,
        FitContext context, bool classification, Device device)
    {
        var state = new ModuleState(net);
        context.Start(Options.Epochs, state);
        using var optimizer = CreateOptimizer(net);
        using var generator = new Generator((ulong)context.Seed);
        var epochsRun = 0;
        try
        {
            for (var epoch = 1; epoch <= Options.Epochs && !context.StopRequested; epoch++)
            {
                var clock = Stopwatch.StartNew();
                var (trainLoss, trainAccuracy) = RunEpoch(net, loss, optimizer, train, generator, classification, device);
                var metrics = new Dictionary<string, double> { ["train_loss"] = trainLoss };
                if (classification) metrics["train_accuracy"] = trainAccuracy;
                if (validation is not null)
                {
                    var (valLoss, valAccuracy) = Evaluate(net, loss, validation, classification, device);
                    metrics["val_loss"] = valLoss;
                    if (classification) metrics["val_accuracy"] = valAccuracy;
                }
                if (!double.IsFinite(trainLoss))
                    context.RequestStop($"training diverged at epoch {epoch}: train_loss is {trainLoss}. Lower train.optimizer.lr.");
                metrics["epoch_seconds"] = clock.Elapsed.TotalSeconds;
                epochsRun = epoch;
                context.Report(epoch, metrics);
            }
        }
        finally
        {
            context.Finish();
        }
        return epochsRun;
    }

    /// <summary>Mean loss and accuracy of <paramref name="net"/> on <paramref name="data"/>, without updating it.</summary>
    public static (double Loss, double Accuracy) Evaluate(nn.Module<Tensor, Tensor> net, Func<Tensor, Tensor, Tensor> loss,
        TensorData data, bool classification, Device device)
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
            lossSum += loss(output, y).item<float>() * (double)length;
            if (classification) correct += output.argmax(1).eq(y).sum().item<long>();
        }
        return (lossSum / data.Rows, (double)correct / data.Rows);
    }

    private (double Loss, double Accuracy) RunEpoch(nn.Module<Tensor, Tensor> net, Func<Tensor, Tensor, Tensor> loss,
        optim.Optimizer optimizer, TensorData train, Generator generator, bool classification, Device device)
    {
        net.train();
        using var order = Options.Shuffle ? randperm(train.Rows, generator: generator) : arange(train.Rows);
        double lossSum = 0;
        long correct = 0;
        for (long start = 0; start < train.Rows; start += Options.BatchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(Options.BatchSize, train.Rows - start);
            var rows = order.narrow(0, start, length);
            var x = train.Inputs.index_select(0, rows).to(device);
            var y = train.Targets.index_select(0, rows).to(device);
            optimizer.zero_grad();
            var output = net.forward(x);
            var batchLoss = loss(output, y);
            batchLoss.backward();
            optimizer.step();
            lossSum += batchLoss.item<float>() * (double)length;
            if (classification)
                using (no_grad()) correct += output.argmax(1).eq(y).sum().item<long>();
        }
        return (lossSum / train.Rows, (double)correct / train.Rows);
    }

    private optim.Optimizer CreateOptimizer(nn.Module net)
    {
        var o = Options.Optimizer;
        return o.Type switch
        {
            "sgd" => optim.SGD(net.parameters(), o.LearningRate, momentum: o.Momentum, weight_decay: o.WeightDecay),
            "adam" => optim.Adam(net.parameters(), o.LearningRate, weight_decay: o.WeightDecay),
            _ => throw LatheException.BadConfig($"train.optimizer.type: '{o.Type}' is not available; use sgd or adam."),
        };
    }
}
