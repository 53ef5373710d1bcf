namespace Lathe.Metrics;

/// <summary>
/// Scores of how well probabilities (or any scores) rank positive rows above negative ones: ROC-AUC and
/// average precision, binary and one-vs-rest. Where the score is undefined — ROC-AUC when a class has no
/// positive or no negative rows, average precision when a class has no positive rows — the result is NaN
/// (scikit-learn raises, or for average precision returns 0 with a warning); a multiclass average with any
/// undefined class is NaN too, rather than a mean quietly taken over fewer classes.
/// </summary>
public static class RankingMetrics
{
    /// <summary>
    /// Area under the ROC curve: the probability that a random positive row scores above a random negative
    /// one, ties counting one half (trapezoidal rule, the Mann–Whitney U / (P·N)). Exact, O(n log n).
    /// </summary>
    public static double RocAucBinary(ReadOnlySpan<int> truth, ReadOnlySpan<float> scores, int positiveClass = 1)
    {
        var counts = ThresholdCounts.Count(truth, scores, positiveClass);
        long p = counts.Positives, n = counts.Negatives;
        if (p == 0 || n == 0) return double.NaN;
        // Twice the trapezoid area in count units, kept in integers so the only rounding is the final division.
        long twiceArea = 0, previousTp = 0, previousFp = 0;
        for (var i = 0; i < counts.Thresholds.Length; i++)
        {
            long tp = counts.TruePositives[i], fp = counts.FalsePositives[i];
            twiceArea += (fp - previousFp) * (tp + previousTp);
            (previousTp, previousFp) = (tp, fp);
        }
        return twiceArea / (2.0 * p * n);
    }

    /// <summary>
    /// ROC-AUC from row-major probabilities (rows × classes). Two classes: the binary AUC of class 1's column
    /// (average ignored, as scikit-learn). More: one-vs-rest per class, then Macro (unweighted mean), Weighted
    /// (by class support) or Micro (every row×class cell one binary case), like scikit-learn's
    /// roc_auc_score(multi_class="ovr").
    /// </summary>
    public static double RocAuc(
        ReadOnlySpan<int> truth, ReadOnlySpan<float> probabilities, int classCount, MetricAverage average = MetricAverage.Macro) =>
        OneVsRest(truth, probabilities, classCount, average, static (t, s, c) => RocAucBinary(t, s, c));

    /// <summary>
    /// Average precision, Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the thresholds: the step-wise area under the precision–recall
    /// curve, not the trapezoid (scikit-learn's average_precision_score). NaN when there is no positive row.
    /// </summary>
    public static double AveragePrecisionBinary(ReadOnlySpan<int> truth, ReadOnlySpan<float> scores, int positiveClass = 1)
    {
        var counts = ThresholdCounts.Count(truth, scores, positiveClass);
        var positives = counts.Positives;
        if (positives == 0) return double.NaN;
        double sum = 0;
        var previousTp = 0;
        for (var i = 0; i < counts.Thresholds.Length; i++)
        {
            var tp = counts.TruePositives[i];
            if (tp == previousTp) continue; // recall did not move: no area
            var precision = (double)tp / (tp + counts.FalsePositives[i]);
            sum += (double)(tp - previousTp) / positives * precision;
            previousTp = tp;
        }
        return sum;
    }

    /// <summary>
    /// Average precision from row-major probabilities; two classes use class 1's column, more are
    /// one-vs-rest with Macro, Weighted or Micro averaging (scikit-learn's average_precision_score on the
    /// label-binarized truth).
    /// </summary>
    public static double AveragePrecision(
        ReadOnlySpan<int> truth, ReadOnlySpan<float> probabilities, int classCount, MetricAverage average = MetricAverage.Macro) =>
        OneVsRest(truth, probabilities, classCount, average, static (t, s, c) => AveragePrecisionBinary(t, s, c));

    private delegate double BinaryScore(ReadOnlySpan<int> truth, ReadOnlySpan<float> scores, int positiveClass);

    private static double OneVsRest(
        ReadOnlySpan<int> truth, ReadOnlySpan<float> probabilities, int classCount, MetricAverage average, BinaryScore score)
    {
        if (truth.Length * classCount != probabilities.Length)
            throw new ArgumentException($"Length mismatch: {truth.Length * classCount} expected, {probabilities.Length} given.");
        if (classCount < 2) throw new ArgumentException($"Ranking scores need at least 2 classes; {classCount} given.");
        var column = new float[truth.Length];
        if (classCount == 2)
        {
            for (var i = 0; i < column.Length; i++) column[i] = probabilities[i * 2 + 1];
            return score(truth, column, 1);
        }
        if (average == MetricAverage.Micro)
        {
            // Each row×class cell is one case, positive where the class is the row's truth.
            var cells = new int[probabilities.Length];
            for (var i = 0; i < truth.Length; i++) cells[i * classCount + truth[i]] = 1;
            return score(cells, probabilities, 1);
        }
        if (average is not (MetricAverage.Macro or MetricAverage.Weighted))
            throw new ArgumentException($"One-vs-rest scores average Micro, Macro or Weighted; {average} given.");
        var support = new int[classCount];
        foreach (var t in truth) support[t]++;
        double sum = 0, weights = 0;
        for (var c = 0; c < classCount; c++)
        {
            for (var i = 0; i < column.Length; i++) column[i] = probabilities[i * classCount + c];
            double weight = average == MetricAverage.Macro ? 1 : support[c];
            sum += weight * score(truth, column, c); // an undefined class (NaN) makes the average NaN
            weights += weight;
        }
        return sum / weights;
    }
}
