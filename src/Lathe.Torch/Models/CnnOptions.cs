using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using Lathe.Torch.Transfer;

namespace Lathe.Torch.Models;

/// <summary>Hyperparameters of a CNN and of its training. The defaults suit 28×28 grayscale images.</summary>
public sealed record CnnOptions
{
    /// <summary>Output channels of each convolution block; each block halves the image size.</summary>
    public IReadOnlyList<int> Channels { get; init; } = [32, 64];

    public int KernelSize { get; init; } = 3;

    public bool BatchNorm { get; init; } = true;

    /// <summary>Widths of the dense layers after the convolutions.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [128];

    /// <summary>Dropout before each dense layer.</summary>
    public double Dropout { get; init; }

    public TrainerOptions Training { get; init; } = new();

    public LossOptions Loss { get; init; } = new();

    /// <summary>Weights to start from (transfer learning); null: random initialization.</summary>
    public PretrainedSource? Pretrained { get; init; }

    public CnnSpec Spec => new(Channels, Hidden, KernelSize, Dropout, BatchNorm);
}
