using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Training;

/// <summary>Inputs and targets as two tensors with the same first dimension (rows).</summary>
public sealed class TensorData(Tensor inputs, Tensor targets) : IDisposable
{
    public Tensor Inputs { get; } = inputs.shape[0] == targets.shape[0]
        ? inputs
        : throw new ArgumentException($"{inputs.shape[0]} input rows but {targets.shape[0]} target rows.");

    public Tensor Targets { get; } = targets;

    public long Rows => Inputs.shape[0];

    /// <summary>Row-major float32 features and either class indices (int64) or float32 values.</summary>
    public static TensorData From(float[] features, int width, Array targets)
    {
        var rows = features.Length / Math.Max(width, 1);
        var x = tensor(features, [rows, width]);
        var y = targets switch
        {
            long[] classes => tensor(classes, [rows]),
            float[] values => tensor(values, [rows, 1]),
            _ => throw new ArgumentException("Targets must be long[] class indices or float[] values."),
        };
        return new TensorData(x, y);
    }

    public TensorData To(Device device) => device.type == DeviceType.CPU ? this : new TensorData(Inputs.to(device), Targets.to(device));

    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
    }
}
