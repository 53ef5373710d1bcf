using Lathe.Experiments.Runs;

namespace Lathe.Experiments.Selection;

/// <summary>What model.type auto produced: the search folder, the winning trial, and the run refitted on train + validation.</summary>
/// <param name="Params">The winning trial's params as the leaderboard shows them, e.g. "model.c=2.698 model.type=logistic".</param>
public sealed record ModelSelectionResult(
    string SearchFolder, int Trial, string ModelType, string Params, string Metric, double ValidationScore, RunResult Final);
