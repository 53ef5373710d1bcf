using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Objectives;

/// <summary>Binary cross-entropy on one logit (the probability of the second class); targets are 0/1 floats.</summary>
public sealed class SigmoidObjective : IObjective
{
    public bool HasAccuracy => true;

    public Tensor Loss(Tensor output, Tensor target) => nn.functional.binary_cross_entropy_with_logits(output, target);

    public Tensor Correct(Tensor output, Tensor target) => output.gt(0).eq(target.gt(0.5)).sum();
}
