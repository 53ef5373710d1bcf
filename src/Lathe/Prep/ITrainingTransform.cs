using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// A transform whose fitting needs more than the training features: the target (target encoding), or the
/// right to leave training rows out (an outlier filter). A <see cref="Models.Pipeline"/> calls
/// <see cref="FitTraining"/> instead of <see cref="ITransform.Fit"/>; the fitted step then transforms new
/// rows like any other, never dropping them.
/// </summary>
public interface ITrainingTransform : ITransform
{
    /// <param name="features">The training rows' feature columns, as the steps before this one left them.</param>
    /// <param name="target">The training target (categorical codes for classification); null for tasks without one.</param>
    TrainingFit FitTraining(Table features, Column? target);
}

/// <summary>The fitted step, the training rows as the next step should see them, and which rows were kept (null: all, in order).</summary>
public sealed record TrainingFit(IFittedTransform Fitted, Table Train, int[]? KeptRows = null);
