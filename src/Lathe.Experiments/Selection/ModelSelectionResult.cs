using Lathe.Experiments.Runs;

namespace Lathe.Experiments.Selection;

/// <summary>What model.type auto produced: the search folder, the winning trial, and the run refitted on train + validation.</summary>
/// <param name="Winner">The winner's params as key=value overrides, e.g. model.type="forest".</param>
public sealed record ModelSelectionResult(
    string SearchFolder, int Trial, string ModelType, IReadOnlyList<string> Winner, string Metric, double ValidationScore, RunResult Final);
