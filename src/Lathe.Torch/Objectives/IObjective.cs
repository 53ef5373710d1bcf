using static TorchSharp.torch;

namespace Lathe.Torch.Objectives;

/// <summary>
/// What a network is trained to do: the loss on a batch and, for classifiers, how many rows it got
/// right. Targets are class indices (int64) for softmax outputs and float32 columns otherwise.
/// </summary>
public interface IObjective
{
    /// <summary>"loss" metrics are reported for every objective; "accuracy" only where this is true.</summary>
    bool HasAccuracy { get; }

    /// <summary>Also report perplexity, exp(loss), for language models.</summary>
    bool ReportsPerplexity => false;

    /// <summary>Mean loss over the batch (a scalar tensor that can be backpropagated).</summary>
    Tensor Loss(Tensor output, Tensor target);

    /// <summary>Number of correctly classified rows, as a scalar int64 tensor (kept on the device).</summary>
    Tensor Correct(Tensor output, Tensor target);
}
