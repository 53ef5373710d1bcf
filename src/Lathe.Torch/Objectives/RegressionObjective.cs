using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Objectives;

/// <summary>Mean squared error, mean absolute error or Huber loss on one output per row.</summary>
public sealed class RegressionObjective(string type = "mse", double huberDelta = 1.0) : IObjective
{
    public bool HasAccuracy => false;

    public Tensor Loss(Tensor output, Tensor target) => type switch
    {
        "mae" => nn.functional.l1_loss(output, target),
        "huber" => nn.functional.huber_loss(output, target, huberDelta),
        _ => nn.functional.mse_loss(output, target),
    };

    public Tensor Correct(Tensor output, Tensor target) =>
        throw new InvalidOperationException("A regression objective has no accuracy.");
}
