namespace Lathe.Training;

/// <summary>
/// What a training process reports after each step (an epoch, a boosting round, an iteration): its number
/// (1-based), the total when known, and named metrics such as train_loss, val_loss, val_accuracy.
/// </summary>
public sealed record StepReport(int Step, int? TotalSteps, IReadOnlyDictionary<string, double> Metrics);
