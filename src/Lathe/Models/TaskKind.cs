namespace Lathe.Models;

/// <summary>What a model learns to predict.</summary>
public enum TaskKind
{
    Classification,
    Regression,
    /// <summary>Learning to continue text (a language model); scored by perplexity.</summary>
    Generation,
    /// <summary>Learning to reproduce the inputs through a bottleneck (an autoencoder); no target; scored by reconstruction error.</summary>
    Reconstruction,
}
