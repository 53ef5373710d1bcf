namespace Lathe.Diagnosis;

/// <summary>What the doctor knows about a run besides its history.</summary>
/// <param name="ModelType">The config's model.type (remedies depend on the model family).</param>
/// <param name="Classes">Number of classes for classification (the loss of guessing is ln(classes)); null otherwise.</param>
/// <param name="LearningRate">The optimizer's learning rate, for networks; null for models without one.</param>
/// <param name="StopReason">Why the fit stopped early, if it did (a non-finite loss says the rate is too high).</param>
public sealed record RunFacts(string ModelType, int? Classes, double? LearningRate, string? StopReason);
