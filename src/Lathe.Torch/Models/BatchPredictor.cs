using Lathe.Models;
using Lathe.Torch.Objectives;
using static TorchSharp.torch;

namespace Lathe.Torch.Models;

/// <summary>Runs a trained network over rows in batches and reads its outputs as a <see cref="Prediction"/>.</summary>
internal static class BatchPredictor
{
    /// <param name="batchInput">The input tensor of rows [start, start + length).</param>
    public static Prediction Predict(nn.Module<Tensor, Tensor> net, long rows, Func<long, long, Tensor> batchInput, OutputKind kind,
        TaskKind task, IReadOnlyList<string> classes, int batchSize)
    {
        var outputs = task == TaskKind.Classification ? classes.Count : 1;
        var result = new float[rows * outputs];
        net.eval();
        using var _ = no_grad();
        for (long start = 0; start < rows; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, rows - start);
            var raw = net.forward(batchInput(start, length));
            var output = kind switch
            {
                OutputKind.Softmax => raw.softmax(1),
                OutputKind.Sigmoid => cat([1 - raw.sigmoid(), raw.sigmoid()], 1),
                _ => raw,
            };
            output.contiguous().data<float>().CopyTo(result.AsSpan((int)(start * outputs), (int)(length * outputs)));
        }
        return task == TaskKind.Classification ? Prediction.Classification(result, classes) : Prediction.Regression(result);
    }
}
