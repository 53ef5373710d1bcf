using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Objectives;

/// <summary>
/// Language modelling: cross-entropy of each position's logits [batch, time, vocabulary] against the next
/// token [batch, time]. The trainer also reports perplexity, exp(loss).
/// </summary>
public sealed class NextTokenObjective : IObjective
{
    public bool HasAccuracy => false;

    public bool ReportsPerplexity => true;

    public Tensor Loss(Tensor output, Tensor target) =>
        nn.functional.cross_entropy(output.reshape(-1, output.shape[^1]), target.reshape(-1));

    public Tensor Correct(Tensor output, Tensor target) =>
        throw new InvalidOperationException("Next-token prediction reports perplexity, not accuracy.");
}
