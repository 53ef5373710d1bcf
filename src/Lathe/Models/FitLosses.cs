using Lathe.Data;
using Lathe.Metrics;

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
    public static Dictionary<string, double> Of(IModel model, TrainingData data, bool includeTrain = true)
    {
        var metrics = new Dictionary<string, double>();
        if (includeTrain) metrics["train_loss"] = LossOf(model, data.Train, data.Target);
        if (data.Validation is not null) metrics["val_loss"] = LossOf(model, data.Validation, data.Target);
        return metrics;
    }

    private static double LossOf(IModel model, Table table, string target)
    {
        var scores = Scoring.Score(model.Predict(table), table[target]);
        return scores.TryGetValue("log_loss", out var logLoss) ? logLoss : scores["mse"];
    }
}
