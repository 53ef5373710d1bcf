using Lathe.Torch.Nets;
using Lathe.Torch.Training;

namespace Lathe.Torch.Models;

/// <summary>A character-level GPT and its training. The defaults suit a few megabytes of text on a CPU.</summary>
public sealed record GptOptions
{
    /// <summary>Tokens (characters) the model sees at once.</summary>
    public int Context { get; init; } = 128;

    public int Layers { get; init; } = 4;

    public int Heads { get; init; } = 4;

    /// <summary>Embedding width (a multiple of <see cref="Heads"/>).</summary>
    public int Dim { get; init; } = 128;

    public double Dropout { get; init; } = 0.1;

    public TrainerOptions Training { get; init; } = new();

    public GptSpec Spec => new(Context, Layers, Heads, Dim, Dropout);
}
