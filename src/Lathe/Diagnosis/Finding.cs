namespace Lathe.Diagnosis;

/// <summary>One diagnosis of a training run: what is wrong, the numbers that show it, and what to try.</summary>
/// <param name="Kind">overfitting, underfitting, learning_rate_too_high, learning_rate_too_low, or about the amount of data: more_data_helps, more_data_helps_little, more_data_uncertain.</param>
/// <param name="Evidence">The figures from the history that support the finding, in a sentence.</param>
public sealed record Finding(string Kind, string Title, string Evidence, IReadOnlyList<Remedy> Remedies);

/// <summary>Something to try, and the config lines that do it (YAML, ready to paste or pass as --set).</summary>
public sealed record Remedy(string What, string Config);
