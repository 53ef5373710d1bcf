using Lathe.Data;

namespace Lathe.Models;

/// <summary>
/// What an estimator learns from: the training rows, optional validation rows (for early stopping and
/// per-epoch metrics), the name of the target column and the task. For classification the target is a
/// <see cref="CategoricalColumn"/> whose categories are the class names. For reconstruction there is no
/// target (<see cref="Target"/> is empty) and every feature column is learned.
/// </summary>
public sealed record TrainingData(Table Train, Table? Validation, string Target, TaskKind Task)
{
    /// <summary>Columns a model may use: every feature column except the target.</summary>
    public IReadOnlyList<string> FeatureNames => [.. Train.FeatureNames.Where(n => n != Target)];

    public IReadOnlyList<string> Classes =>
        Task == TaskKind.Classification && Train[Target] is CategoricalColumn c
            ? c.Categories
            : throw new InvalidOperationException("Only classification data with a categorical target has classes.");
}
