using System.Globalization;
using Lathe.Training;

namespace Lathe.Diagnosis;

/// <summary>
/// Reads a run's per-step history and says what went wrong, with the numbers that show it: divergence or
/// oscillation (learning rate too high), a slow steady fall (too low), validation loss turning up while
/// training loss falls or a wide train/validation gap (overfitting), and both losses flat and high
/// (underfitting). Thresholds are deliberately plain, so each finding can be checked by eye on the curve.
/// </summary>
public static class TrainingDoctor
{
    public static IReadOnlyList<Finding> Diagnose(IReadOnlyList<StepReport> history, RunFacts facts)
    {
        var findings = new List<Finding>();
        var train = Series(history, "train_loss");
        var validation = Series(history, "val_loss");
        var remedies = new RemedyBook(facts);

        if (TooHigh(history, train, facts) is { } high) findings.Add(new Finding("learning_rate_too_high", "Learning rate too high", high, remedies.LowerRate()));
        else if (TooLow(train, facts) is { } low) findings.Add(new Finding("learning_rate_too_low", "Learning rate too low", low, remedies.RaiseRate()));
        else if (Underfit(train, validation, facts) is { } under) findings.Add(new Finding("underfitting", "Underfitting", under, remedies.MoreCapacity()));
        if (findings.All(f => f.Kind != "learning_rate_too_high") && Overfit(train, validation) is { } over)
            findings.Add(new Finding("overfitting", "Overfitting", over, remedies.LessCapacity()));
        return findings;
    }

    /// <summary>
    /// What a learning curve over training-set size says about collecting more data: it helps when twice the rows
    /// are expected to add at least a point of the score even at the low end of the estimate, helps little when
    /// even the high end adds less than a point, and is undecided in between (the curve is too noisy to tell).
    /// </summary>
    /// <param name="metric">The score the curve was measured in (accuracy, r2).</param>
    public static Finding JudgeData(DataSufficiency estimate, string metric, RunFacts facts)
    {
        var remedies = new RemedyBook(facts);
        var evidence = $"on the learning curve over training-set size, validation {metric} is {F(estimate.Score)} at {estimate.Rows} rows; " +
                       $"the fitted power law expects {F(estimate.ScoreAtTwice)} at {2 * estimate.Rows} rows " +
                       $"(range {F(estimate.Low)} to {F(estimate.High)}), a gain of {estimate.Gain:+0.000;-0.000}";
        const double point = 0.01;
        if (estimate.Gain >= point && estimate.Low - estimate.Score >= point / 2)
            return new Finding("more_data_helps", "More data would help", evidence + ".", remedies.MoreData(estimate.Rows));
        if (estimate.High - estimate.Score < point)
            return new Finding("more_data_helps_little", "More data would help little",
                evidence + ": the model, not the amount of data, limits the score.", remedies.MoreCapacity());
        return new Finding("more_data_uncertain", "The curve cannot tell whether more data would help",
            evidence + ": the range is too wide to decide.", RemedyBook.SteadierCurve());
    }

    private static string? TooHigh(IReadOnlyList<StepReport> history, double[] train, RunFacts facts)
    {
        var lastGood = history.LastOrDefault(s => s.Metrics.TryGetValue("train_loss", out var v) && double.IsFinite(v));
        if (history.Any(s => s.Metrics.TryGetValue("train_loss", out var v) && !double.IsFinite(v)) ||
            facts.StopReason?.Contains("finite", StringComparison.OrdinalIgnoreCase) == true)
            return $"the training loss became infinite or NaN{(lastGood is null ? "" : $" after step {lastGood.Step}")} — the weights diverged.";
        if (train.Length < 3) return null;
        if (train[^1] > train[0] * 1.05)
            return $"the training loss rose from {F(train[0])} at step 1 to {F(train[^1])} at step {train.Length}, instead of falling.";
        var changes = Enumerable.Range(1, train.Length - 1).Select(i => (train[i] - train[i - 1]) / Math.Max(Math.Abs(train[i - 1]), 1e-12)).ToArray();
        var rises = changes.Count(c => c > 0);
        var swing = changes.Average(Math.Abs);
        // Swings that are large only relative to a loss that has already fallen close to zero are noise, not a rate
        // too high: they must also be large against where the loss started.
        var absoluteSwing = Enumerable.Range(1, train.Length - 1).Average(i => Math.Abs(train[i] - train[i - 1])) / Math.Max(Math.Abs(train[0]), 1e-12);
        if (train.Length >= 6 && rises >= 0.35 * changes.Length && swing >= 0.1 && absoluteSwing >= 0.05)
            return $"the training loss went up in {rises} of {changes.Length} steps, by {swing:P0} of its value per step on average: it oscillates instead of settling.";
        return null;
    }

    /// <summary>A network whose loss still falls step after step, slowly, and has not got far.</summary>
    private static string? TooLow(double[] train, RunFacts facts)
    {
        if (facts.LearningRate is null || train.Length < 6) return null;
        var half = train[(train.Length / 2)..];
        var falls = Enumerable.Range(1, half.Length - 1).Count(i => half[i] < half[i - 1]);
        var perStep = (half[0] - half[^1]) / half[0] / (half.Length - 1);
        var progress = train[^1] / train[0];
        if (falls >= 0.9 * (half.Length - 1) && perStep is > 0.0005 and < 0.03 && progress > 0.7)
            return $"the training loss fell in {falls} of the last {half.Length - 1} steps, steadily but only {perStep:P1} per step, " +
                   $"and ended at {progress:P0} of where it started ({F(train[0])} → {F(train[^1])}): it is still falling, slowly.";
        return null;
    }

    /// <summary>Both losses flat, close together, and far from a good fit.</summary>
    private static string? Underfit(double[] train, double[] validation, RunFacts facts)
    {
        if (train.Length < 5) return null;
        var third = train[(train.Length * 2 / 3)..];
        var recentGain = (third[0] - third[^1]) / Math.Max(third[0], 1e-12);
        if (recentGain > 0.02) return null;
        var chance = facts.Classes is { } k ? Math.Log(k) : (double?)null;
        var high = chance is { } c ? train[^1] > 0.5 * c : train[^1] > 0.5 * train[0];
        if (!high) return null;
        if (validation.Length > 0 && Math.Abs(validation[^1] - train[^1]) > 0.25 * Math.Max(validation[^1], train[^1])) return null;
        var reference = chance is { } guess ? $"guessing among {facts.Classes} classes scores {F(guess)}" : $"it started at {F(train[0])}";
        return $"over the last {third.Length} steps the training loss improved only {recentGain:P1} and stays at {F(train[^1])}" +
               $"{(validation.Length > 0 ? $" (validation {F(validation[^1])})" : "")}; {reference}.";
    }

    /// <summary>Validation loss turning up while training loss keeps falling, or ending far above it.</summary>
    private static string? Overfit(double[] train, double[] validation)
    {
        if (validation.Length == 0 || train.Length == 0) return null;
        if (validation.Length >= 5)
        {
            var best = Array.IndexOf(validation, validation.Min());
            var trainAtBest = train[Math.Min(best, train.Length - 1)];
            // The rise must also matter against where validation started: 0.0015 → 0.0029 near a perfect fit is noise.
            var matters = validation[^1] - validation[best] >= 0.02 * Math.Abs(validation[0]);
            if (best < validation.Length - 2 && validation[^1] > validation[best] * 1.1 && matters && train[^1] < trainAtBest)
                return $"the validation loss was lowest at step {best + 1} ({F(validation[best])}) and rose {validation[^1] / validation[best] - 1:P0} " +
                       $"to {F(validation[^1])} by step {validation.Length}, while the training loss kept falling ({F(trainAtBest)} → {F(train[^1])}).";
        }
        var gap = validation[^1] - train[^1];
        if (gap > 0.5 * validation[^1] && gap > 0.05)
            return train[^1] < 1e-6
                ? $"the training loss is {F(train[^1])} (the model reproduces its training rows exactly) while the final validation loss is {F(validation[^1])}: " +
                  "it fits its training rows far better than new ones."
                : $"the final validation loss {F(validation[^1])} is {validation[^1] / train[^1]:0.#}× the training loss {F(train[^1])}: " +
                  "the model fits its training rows far better than new ones.";
        return null;
    }

    private static double[] Series(IReadOnlyList<StepReport> history, string metric) =>
        [.. history.Where(s => s.Metrics.TryGetValue(metric, out var v) && double.IsFinite(v)).Select(s => s.Metrics[metric])];

    private static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
