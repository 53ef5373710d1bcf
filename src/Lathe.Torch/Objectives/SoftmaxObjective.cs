using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Objectives;

/// <summary>
/// Cross-entropy on one logit per class, with optional label smoothing and class weights. Targets are
/// class indices (int64) or, after mixup, class probabilities (float32 [N, classes]).
/// </summary>
public sealed class SoftmaxObjective(double labelSmoothing = 0, float[]? classWeights = null) : IObjective, IDisposable
{
    private readonly Tensor? _weights = classWeights is null ? null : tensor(classWeights);

    public bool HasAccuracy => true;

    public Tensor Loss(Tensor output, Tensor target) =>
        nn.functional.cross_entropy(output, target, weight: _weights?.to(output.device), label_smoothing: labelSmoothing);

    /// <summary>Targets are class indices, or class probabilities (mixup), whose most likely class counts as the answer.</summary>
    public Tensor Correct(Tensor output, Tensor target) => output.argmax(1).eq(target.dim() == 2 ? target.argmax(1) : target).sum();

    public void Dispose() => _weights?.Dispose();
}
