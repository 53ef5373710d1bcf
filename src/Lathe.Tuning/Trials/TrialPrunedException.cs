namespace Lathe.Tuning.Trials;

/// <summary>Thrown by an objective (or <see cref="Trial.PruneIfNeeded"/>) to end its trial as pruned.</summary>
public sealed class TrialPrunedException(string message = "pruned") : Exception(message);
