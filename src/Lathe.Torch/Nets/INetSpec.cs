using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>
/// A network architecture as plain data: what a config's model section describes and what a model
/// file stores, so loading rebuilds the same network before reading its weights.
/// </summary>
public interface INetSpec
{
    /// <summary>The model type name in configs and model files (mlp, cnn).</summary>
    string Type { get; }

    /// <summary>
    /// The network for inputs of <paramref name="inputShape"/> (one row's shape: [width] for tabular data,
    /// [channels, height, width] for images). It receives rows flattened to one dimension.
    /// </summary>
    nn.Module<Tensor, Tensor> Build(IReadOnlyList<int> inputShape, int outputs);

    /// <summary>Checks that the input suits the network; throws a config error saying what it needs otherwise.</summary>
    void CheckInput(IReadOnlyList<int> inputShape);

    JsonObject ToJson();
}
