using System.Diagnostics;
using System.Runtime.InteropServices;
using Lathe.Torch.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Training;

/// <summary>One measured batch size: training rows per second, or why it could not run.</summary>
public sealed record BatchSizeTrial(int BatchSize, double RowsPerSecond, string? Failure);

/// <summary>The measured batch sizes and the one suggested.</summary>
public sealed record BatchSizeSearch(IReadOnlyList<BatchSizeTrial> Trials, int Suggested, string Note);

/// <summary>
/// Finds a batch size: doubles it from <c>start</c>, timing a few training steps at each size, and stops
/// when a size fails (out of memory) or raises throughput by less than <c>minGain</c> over the previous
/// size. The suggestion is the last size that still paid off — larger batches would only cost
/// generalization and memory. Each size trains a fresh copy of the network, so nothing is kept.
/// </summary>
public static class BatchSizeFinder
{
    public static BatchSizeSearch Run(Func<nn.Module<Tensor, Tensor>> createNet, IObjective objective, TensorData train,
        OptimizerOptions optimizerOptions, Device device, int start = 16, int max = 8192, double minGain = 0.05, int steps = 6)
    {
        var trials = new List<BatchSizeTrial>();
        var suggested = start;
        double previous = 0;
        var batch = start;
        for (; batch <= max && batch <= train.Rows; batch *= 2)
        {
            double rowsPerSecond;
            try
            {
                rowsPerSecond = Measure(createNet, objective, train, optimizerOptions, device, batch, steps);
            }
            catch (Exception e) when (e is ExternalException or OutOfMemoryException)
            {
                trials.Add(new BatchSizeTrial(batch, 0, e.Message.Split('\n')[0]));
                return new BatchSizeSearch(trials, suggested, $"batch {batch} failed ({Short(e.Message)})");
            }
            trials.Add(new BatchSizeTrial(batch, rowsPerSecond, null));
            if (previous > 0 && rowsPerSecond < previous * (1 + minGain))
                return new BatchSizeSearch(trials, suggested,
                    $"doubling to {batch} raised throughput by {(rowsPerSecond / previous - 1) * 100:0}%, less than {minGain * 100:0}%");
            suggested = batch;
            previous = rowsPerSecond;
        }
        return new BatchSizeSearch(trials, suggested, batch > max
            ? $"throughput still rose at {max}, the largest size tried"
            : $"the next size, {batch}, exceeds the {train.Rows} training rows");
    }

    private static double Measure(Func<nn.Module<Tensor, Tensor>> createNet, IObjective objective, TensorData train,
        OptimizerOptions optimizerOptions, Device device, int batch, int steps)
    {
        using var net = createNet();
        net.to(device);
        net.train();
        using var optimizer = OptimizerFactory.Create(optimizerOptions, net.parameters());
        var clock = new Stopwatch();
        for (var step = 0; step < steps + 2; step++)
        {
            if (step == 2) clock.Start(); // the first two steps warm up allocators and caches
            using var scope = NewDisposeScope();
            var startRow = (long)step * batch % Math.Max(train.Rows - batch + 1, 1);
            var x = train.Inputs.narrow(0, startRow, batch).to(device);
            var y = train.Targets.narrow(0, startRow, batch).to(device);
            optimizer.zero_grad();
            var loss = objective.Loss(net.forward(x), y);
            loss.backward();
            optimizer.step();
            _ = loss.item<float>(); // waits for the device
        }
        return (double)steps * batch / clock.Elapsed.TotalSeconds;
    }

    private static string Short(string message) => message.Split('\n')[0] is var first && first.Length > 80 ? first[..80] + "…" : message.Split('\n')[0];
}
