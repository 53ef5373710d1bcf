using System.Globalization;
using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Training;

namespace Lathe.SemiSupervised;

/// <summary>
/// Self-training (semi-supervised learning): fit on the labelled rows, predict the unlabeled ones, add those
/// predicted with confidence at or above a threshold as if labelled (pseudo-labels), and fit again — for a
/// number of rounds or until no row is confident. A pseudo-label, once given, is kept. The validation rows are
/// only scored, never labelled or learned from. Deterministic: rows are taken most confident first, ties by row order.
/// </summary>
public static class SelfTraining
{
    /// <param name="estimator">What is fitted each round (a <see cref="Pipeline"/> refits its preparation too).</param>
    /// <param name="labelled">The labelled training rows, and validation rows to score each round on (optional).</param>
    /// <param name="unlabeled">Rows with the feature columns (a target column, if any, is not read).</param>
    /// <param name="context">
    /// Used for the final fit only, so its callbacks (history, early stopping, checkpoints) see one fit. The final fit
    /// repeats the last round's fit when that round added nothing.
    /// </param>
    /// <param name="roundContext">A fresh context for each round's fit (given the round number); default: the seed and cancellation of <paramref name="context"/>, no callbacks.</param>
    public static SelfTrainingResult Fit(IEstimator estimator, TrainingData labelled, Table unlabeled, SelfTrainingOptions options,
        FitContext context, Action<string>? log = null, Func<int, FitContext>? roundContext = null)
    {
        roundContext ??= _ => new FitContext(context.Seed, cancellation: context.Cancellation);
        options.Validate();
        log ??= _ => { };
        if (labelled.Task != TaskKind.Classification)
            throw LatheException.BadConfig($"self-training needs a classification target; '{labelled.Target}' is a {labelled.Task.ToString().ToLowerInvariant()} target.");
        var features = labelled.FeatureNames;
        var classes = labelled.Classes;
        var pool = InputSchema.Of(labelled.Train, features).Conform(unlabeled);
        var baseTrain = labelled.Train.Select([.. features, labelled.Target]);
        var perRound = Math.Max(1, (int)Math.Floor(options.MaxShare * pool.RowCount));
        var remaining = Enumerable.Range(0, pool.RowCount).ToList();
        var pseudoRows = new List<int>();
        var pseudoLabels = new List<string>();
        var rounds = new List<SelfTrainingRound>();
        var current = labelled;

        for (var round = 1; round <= options.Rounds && remaining.Count > 0; round++)
        {
            var model = estimator.Fit(current, roundContext(round));
            var scores = ScoreValidation(model, labelled);
            var prediction = model.Predict(pool.Take(remaining));
            var chosen = Enumerable.Range(0, remaining.Count)
                .Select(i => (Index: i, Confidence: prediction.Probability(i, prediction.ClassIndices![i])))
                .Where(c => c.Confidence >= options.MinConfidence)
                .OrderByDescending(c => c.Confidence).ThenBy(c => c.Index)
                .Take(perRound)
                .Select(c => c.Index)
                .Order()
                .ToList();
            var addedPerClass = classes.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
            foreach (var i in chosen)
            {
                pseudoRows.Add(remaining[i]);
                pseudoLabels.Add(prediction.Label(i));
                addedPerClass[prediction.Label(i)]++;
            }
            var chosenSet = chosen.ToHashSet();
            remaining = [.. remaining.Where((_, i) => !chosenSet.Contains(i))];
            rounds.Add(new SelfTrainingRound(round, current.Train.RowCount, current.Train.RowCount - labelled.Train.RowCount, scores,
                chosen.Count, addedPerClass, remaining.Count));
            log($"self-training round {round}: fitted on {current.Train.RowCount} rows{Describe(scores)}; added {chosen.Count} pseudo-labelled rows " +
                $"(confidence >= {options.MinConfidence.ToString(CultureInfo.InvariantCulture)}), {remaining.Count} unlabeled left");
            if (chosen.Count == 0) break;
            var pseudo = pool.Take(pseudoRows).With(CategoricalColumn.FromStrings(labelled.Target, pseudoLabels, classes));
            current = labelled with { Train = TableRows.Append(baseTrain, pseudo) };
        }

        var final = estimator.Fit(current, context);
        var finalScores = ScoreValidation(final, labelled);
        log($"self-training: final model on {current.Train.RowCount} rows ({current.Train.RowCount - labelled.Train.RowCount} pseudo-labelled){Describe(finalScores)}");
        return new SelfTrainingResult(final, current, labelled.Train.RowCount, pool.RowCount, options, rounds, finalScores);
    }

    private static IReadOnlyDictionary<string, double>? ScoreValidation(IModel model, TrainingData data) =>
        data.Validation is { } validation ? Scoring.Score(model.Predict(validation), validation[data.Target]) : null;

    private static string Describe(IReadOnlyDictionary<string, double>? scores) =>
        scores is not null && scores.TryGetValue("accuracy", out var accuracy)
            ? $", validation accuracy {accuracy.ToString("0.0000", CultureInfo.InvariantCulture)}"
            : "";
}
