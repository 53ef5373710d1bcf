using Lathe.Data;
using Lathe.Metrics;
using Lathe.Training;

namespace Lathe.Models;

/// <summary>
/// The train_loss and val_loss a model fitted in one step reports (log loss for classifiers, MSE for
/// regressors), so its history, learning curve and early-stopping monitors read like a network's.
/// </summary>
public static class FitLosses
{
    /// <param name="includeTrain">
    /// False for models that memorize their training rows (k-NN): their training loss says nothing and
    /// costs a prediction for every training row against every other.
    /// </param>
    /// <param name="context">The fit's context: with no callback to receive them, no losses are computed (a fit called
    /// from C# without callbacks does only the work scikit-learn's fit does).</param>
    public static Dictionary<string, double> Of(IModel model, TrainingData data, FitContext context, bool includeTrain = true)
    {
        var metrics = new Dictionary<string, double>();
        if (!context.IsObserved) return metrics;
        if (includeTrain) metrics["train_loss"] = LossOf(model, data.Train, data.Target);
        if (data.Validation is not null) metrics["val_loss"] = LossOf(model, data.Validation, data.Target);
        return metrics;
    }

    /// <summary>Only the loss: the full <see cref="Scoring"/> set (ranking metrics sort every class's scores) costs more than a small fit.</summary>
    private static double LossOf(IModel model, Table table, string target)
    {
        var prediction = model.Predict(table);
        if (prediction.Task != TaskKind.Classification)
            return RegressionMetrics.Mse(((NumericColumn)table[target]).Values, prediction.Values);
        var truth = ((CategoricalColumn)table[target]).CodesIn(prediction.Classes!);
        var missing = Array.IndexOf(truth, -1);
        if (missing >= 0)
            throw LatheException.BadData($"Row {missing + 1} of '{target}' is empty or not a class the model knows ({string.Join(", ", prediction.Classes!)}).");
        return ClassificationMetrics.LogLoss(truth, prediction.Probabilities, prediction.Classes!.Count);
    }
}
