using Lathe.Torch.Objectives;
using Lathe.Torch.Training;

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

    public void Validate()
    {
        if (Hidden.Count == 0 || Hidden.Any(h => h < 1))
            throw Lathe.LatheException.BadConfig($"model.hidden must list positive layer widths, not [{string.Join(", ", Hidden)}].");
        if (Dropout is < 0 or >= 1) throw Lathe.LatheException.BadConfig($"model.dropout must be in [0, 1), not {Dropout}.");
        Training.Validate();
        Loss.Validate();
    }
}
