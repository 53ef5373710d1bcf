using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using Lathe.Torch.Transfer;

namespace Lathe.Torch.Models;

/// <summary>Hyperparameters of an MLP and of its training. The defaults train a sensible small network.</summary>
public sealed record MlpOptions
{
    /// <summary>Width of each hidden layer.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [64, 32];

    /// <summary>Dropout probability after each hidden layer (0 turns it off).</summary>
    public double Dropout { get; init; }

    public TrainerOptions Training { get; init; } = new();

    public LossOptions Loss { get; init; } = new();

    /// <summary>Weights to start from (transfer learning); null: random initialization.</summary>
    public PretrainedSource? Pretrained { get; init; }

    public MlpSpec Spec => new(Hidden, Dropout);
}
