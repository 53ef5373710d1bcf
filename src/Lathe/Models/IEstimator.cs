namespace Lathe.Models;

/// <summary>
/// A learning algorithm with its hyperparameters (held in an immutable options record). Fitting never
/// changes the estimator; it returns a new model. Training progress goes through the <see cref="Training.FitContext"/>,
/// so callbacks (early stopping, progress, tracking, pruning) work the same for every model family.
/// </summary>
public interface IEstimator
{
    /// <summary>The model type name used in configs and model files, e.g. "mlp".</summary>
    string Type { get; }

    IModel Fit(TrainingData data, Training.FitContext context);
}
