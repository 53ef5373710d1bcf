using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;

namespace Lathe.Inspection;

/// <summary>How much a model's score drops when one input column's values are shuffled across the rows.</summary>
/// <param name="Column">An input column of the raw data (before preparation; a vector column counts as one).</param>
/// <param name="Mean">Mean drop of the score over the repeats; near 0 (or below) means the model does not rely on the column.</param>
/// <param name="Spread">Standard deviation of the drop over the repeats.</param>
public sealed record FeatureImportance(string Column, double Mean, double Spread);

/// <summary>
/// Permutation importance (Breiman 2001): the model is scored on labelled rows it did not train on, then
/// once more per column and repeat with that column's rows shuffled, which breaks the column's link to
/// the target while keeping its distribution. It works for every model, measures what the model uses
/// rather than what it was fitted with, and is in the units of the score (accuracy for classifiers, R²
/// for regressors). Correlated columns share their importance: shuffling one leaves the other to carry it.
/// </summary>
public static class PermutationImportance
{
    /// <param name="model">A fitted classifier or regressor.</param>
    /// <param name="part">Labelled rows the model did not train on (validation or test), with the encoded target.</param>
    /// <param name="progress">Called after each column with (columns done, total).</param>
    public static PermutationImportanceResult Compute(PipelineModel model, Table part, string target, int repeats = 5, int seed = 0,
        Action<int, int>? progress = null)
    {
        if (model.Task is not (TaskKind.Classification or TaskKind.Regression))
            throw LatheException.BadConfig("Permutation importance scores classifiers and regressors; this model's task is " +
                                           model.Task.ToString().ToLowerInvariant() + ".");
        if (repeats < 1) throw LatheException.BadConfig("Permutation importance needs at least one repeat.");
        if (part.RowCount < 2) throw LatheException.BadData("Permutation importance needs at least two labelled rows to shuffle.");
        var score = ScorerFor(model, part[target]);
        var baseline = score(model.Predict(part));
        var random = new Random(seed);
        var columns = model.Schema.Columns.Select(c => c.Name).ToList();
        var importances = new List<FeatureImportance>();
        var order = new int[part.RowCount];
        foreach (var name in columns)
        {
            var drops = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                for (var i = 0; i < order.Length; i++) order[i] = i;
                random.Shuffle(order);
                drops[r] = baseline - score(model.Predict(part.With(part[name].Take(order))));
            }
            var mean = drops.Average();
            var spread = repeats < 2 ? 0 : Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / (repeats - 1));
            importances.Add(new FeatureImportance(name, mean, spread));
            progress?.Invoke(importances.Count, columns.Count);
        }
        return new PermutationImportanceResult(model.Task == TaskKind.Classification ? "accuracy" : "r2", baseline, repeats,
            [.. importances.OrderByDescending(i => i.Mean)]);
    }

    /// <summary>Accuracy for a classifier (the target's classes mapped to the model's), R² for a regressor.</summary>
    private static Func<Prediction, double> ScorerFor(PipelineModel model, Column truth)
    {
        if (model.Task == TaskKind.Regression)
        {
            var values = (NumericColumn)truth;
            return prediction => RegressionMetrics.R2(values.Values, prediction.Values!);
        }
        int[]? codes = null;
        return prediction =>
        {
            codes ??= ((CategoricalColumn)truth).CodesIn(prediction.Classes!);
            return ClassificationMetrics.Accuracy(codes, prediction.ClassIndices!);
        };
    }
}

/// <summary>Every input column's importance, largest first, with the score they are measured in and its unshuffled value.</summary>
public sealed record PermutationImportanceResult(string Metric, double Baseline, int Repeats, IReadOnlyList<FeatureImportance> Columns);
