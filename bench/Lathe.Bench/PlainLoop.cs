using System.Diagnostics;
using Lathe.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Bench;

/// <summary>
/// The training loop a competent TorchSharp user writes by hand: randperm, index_select, zero_grad, forward,
/// cross_entropy, backward, step, each batch in a DisposeScope. The loss is summed on the tensor side and
/// read once per epoch. With <c>withTrainerMetrics</c> it also does what Lathe's Trainer does per batch
/// beyond that (read the loss with <c>item</c>, count correct predictions with argmax/eq/sum/item), so the
/// two can be told apart.
/// </summary>
public sealed class PlainLoop : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _net;
    private readonly optim.Optimizer _optimizer;
    private readonly Generator _generator;
    private readonly TensorData _data;
    private readonly int _batchSize;
    private readonly bool _withTrainerMetrics;

    /// <param name="buildNet">Builds the network; called right after seeding torch's global generator with <paramref name="seed"/>.</param>
    public PlainLoop(TensorData data, Func<nn.Module<Tensor, Tensor>> buildNet, int seed, int batchSize, double learningRate,
        bool withTrainerMetrics = false)
    {
        random.manual_seed(seed);
        _net = buildNet();
        _optimizer = optim.Adam(_net.parameters(), learningRate);
        _generator = new Generator((ulong)seed);
        _data = data;
        _batchSize = batchSize;
        _withTrainerMetrics = withTrainerMetrics;
    }

    /// <summary>Mean training loss of the epoch just run.</summary>
    public double LastLoss { get; private set; } = double.NaN;

    /// <summary>Training accuracy of the epoch just run; only counted with the Trainer's metrics, else NaN.</summary>
    public double LastAccuracy { get; private set; } = double.NaN;

    /// <summary>Runs one shuffled epoch; returns its wall-clock seconds.</summary>
    public double RunEpoch()
    {
        var clock = Stopwatch.StartNew();
        _net.train();
        var rows = _data.Rows;
        using var order = randperm(rows, generator: _generator);
        using var lossSum = zeros(1);
        double itemLossSum = 0;
        long correct = 0;
        for (long start = 0; start < rows; start += _batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(_batchSize, rows - start);
            var batch = order.narrow(0, start, length);
            var x = _data.Inputs.index_select(0, batch);
            var y = _data.Targets.index_select(0, batch);
            _optimizer.zero_grad();
            var output = _net.forward(x);
            var loss = nn.functional.cross_entropy(output, y);
            loss.backward();
            _optimizer.step();
            if (_withTrainerMetrics)
            {
                itemLossSum += loss.item<float>() * (double)length;
                using (no_grad()) correct += output.argmax(1).eq(y).sum().item<long>();
            }
            else
            {
                lossSum.add_(loss.detach(), length);
            }
        }
        LastLoss = _withTrainerMetrics ? itemLossSum / rows : lossSum.item<float>() / rows;
        LastAccuracy = _withTrainerMetrics ? (double)correct / rows : double.NaN;
        return clock.Elapsed.TotalSeconds;
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _generator.Dispose();
        _net.Dispose();
    }
}
