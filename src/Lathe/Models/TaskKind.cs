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
    /// <summary>
    /// Grouping rows into clusters (k-means, DBSCAN, Gaussian mixtures); no target, every feature column is used;
    /// scored by the silhouette, and by ARI and NMI against labels when the data has them.
    /// </summary>
    Clustering,
}
