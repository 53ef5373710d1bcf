using Lathe.Data;
using Lathe.Models;

namespace Lathe.Metrics;

/// <summary>The standard set of scores for a model's predictions against a table's target column.</summary>
public static class Scoring
{
    /// <summary>Reconstruction: the mean of the rows' reconstruction errors.</summary>
    public static IReadOnlyDictionary<string, double> Reconstruction(Prediction prediction) =>
        new Dictionary<string, double> { ["reconstruction_mse"] = prediction.Values!.Average(v => (double)v) };

    /// <summary>Classification: accuracy, f1_macro, log_loss. Regression: mse, rmse, mae, r2.</summary>
    public static IReadOnlyDictionary<string, double> Score(Prediction prediction, Column target)
    {
        if (prediction.Task == TaskKind.Classification)
        {
            var classes = prediction.Classes!;
            var truth = target is CategoricalColumn c
                ? c.CodesIn(classes)
                : throw new ArgumentException($"Target '{target.Name}' must be categorical to score a classifier.");
            var missing = Array.IndexOf(truth, -1);
            if (missing >= 0)
                throw LatheException.BadData(
                    $"Row {missing + 1} of '{target.Name}' is '{target.Format(missing)}', which is empty or not a class the model knows ({string.Join(", ", classes)}).");
            var probabilities = prediction.Probabilities!;
            var (t, p) = (truth, prediction.ClassIndices!);
            return new Dictionary<string, double>
            {
                ["accuracy"] = ClassificationMetrics.Accuracy(t, p),
                ["f1_macro"] = ClassificationMetrics.F1Macro(t, p, classes.Count),
                ["log_loss"] = ClassificationMetrics.LogLoss(t, probabilities, classes.Count),
            };
        }
        var values = target is NumericColumn n
            ? n.Values
            : throw new ArgumentException($"Target '{target.Name}' must be numeric to score a regressor.");
        var predicted = prediction.Values!;
        return new Dictionary<string, double>
        {
            ["mse"] = RegressionMetrics.Mse(values, predicted),
            ["rmse"] = RegressionMetrics.Rmse(values, predicted),
            ["mae"] = RegressionMetrics.Mae(values, predicted),
            ["r2"] = RegressionMetrics.R2(values, predicted),
        };
    }
}
