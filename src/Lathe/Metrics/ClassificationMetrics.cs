namespace Lathe.Metrics;

/// <summary>Classification scores from true and predicted class indices (and probabilities for log loss).</summary>
public static class ClassificationMetrics
{
    public static double Accuracy(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted)
    {
        CheckLengths(truth.Length, predicted.Length);
        var correct = 0;
        for (var i = 0; i < truth.Length; i++)
            if (truth[i] == predicted[i]) correct++;
        return truth.Length == 0 ? double.NaN : (double)correct / truth.Length;
    }

    /// <summary>
    /// Unweighted mean of per-class F1 over the classes that occur in the truth or the predictions
    /// (scikit-learn's f1_score(average="macro")). A class with no true and no predicted rows is left out.
    /// </summary>
    public static double F1Macro(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classCount)
    {
        CheckLengths(truth.Length, predicted.Length);
        var tp = new int[classCount];
        var fp = new int[classCount];
        var fn = new int[classCount];
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] == predicted[i]) tp[truth[i]]++;
            else
            {
                fp[predicted[i]]++;
                fn[truth[i]]++;
            }
        }
        double sum = 0;
        var classes = 0;
        for (var c = 0; c < classCount; c++)
        {
            if (tp[c] + fp[c] + fn[c] == 0) continue;
            sum += 2.0 * tp[c] / (2.0 * tp[c] + fp[c] + fn[c]);
            classes++;
        }
        return classes == 0 ? double.NaN : sum / classes;
    }

    /// <summary>
    /// Mean per-class recall over the classes that occur in the truth (scikit-learn's balanced_accuracy_score,
    /// adjusted=False). A class that is only predicted, never true, has no recall and is left out.
    /// </summary>
    public static double BalancedAccuracy(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classCount)
    {
        CheckLengths(truth.Length, predicted.Length);
        var counts = ClassCounts.Count(truth, predicted, classCount);
        double sum = 0;
        var classes = 0;
        for (var c = 0; c < classCount; c++)
        {
            if (counts.Support(c) == 0) continue;
            sum += (double)counts.TruePositives[c] / counts.Support(c);
            classes++;
        }
        return classes == 0 ? double.NaN : sum / classes;
    }

    /// <summary>
    /// tp / (tp + fp), averaged as scikit-learn's precision_score(average=..., zero_division=0): a class never
    /// predicted scores 0. Macro and weighted run over the classes in the truth or the predictions.
    /// </summary>
    public static double Precision(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classCount, MetricAverage average) =>
        Averaged(truth, predicted, classCount, average, static (tp, fp, _) => Ratio(tp, tp + fp));

    /// <summary>tp / (tp + fn), averaged as scikit-learn's recall_score(average=..., zero_division=0).</summary>
    public static double Recall(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classCount, MetricAverage average) =>
        Averaged(truth, predicted, classCount, average, static (tp, _, fn) => Ratio(tp, tp + fn));

    /// <summary>
    /// 2tp / (2tp + fp + fn), the harmonic mean of precision and recall, averaged as scikit-learn's
    /// f1_score(average=..., zero_division=0). F1(Macro) equals <see cref="F1Macro"/>.
    /// </summary>
    public static double F1(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classCount, MetricAverage average) =>
        Averaged(truth, predicted, classCount, average, static (tp, fp, fn) => Ratio(2L * tp, 2L * tp + fp + fn));

    /// <summary>
    /// Brier score, lower is better. Two classes: mean of (p₁ − y)² with y = 1 for class 1, which is
    /// scikit-learn's brier_score_loss (binary only in scikit-learn 1.2). More classes: Brier's original
    /// multiclass form, the mean over rows of Σₖ (pₖ − [y = k])², in [0, 2]; note that for two classes this
    /// form would be exactly twice the binary value, so the two conventions are not mixed.
    /// </summary>
    public static double BrierScore(ReadOnlySpan<int> truth, ReadOnlySpan<float> probabilities, int classCount)
    {
        CheckLengths(truth.Length * classCount, probabilities.Length);
        double sum = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            if (classCount == 2)
            {
                var d = probabilities[i * 2 + 1] - (truth[i] == 1 ? 1.0 : 0.0);
                sum += d * d;
                continue;
            }
            for (var k = 0; k < classCount; k++)
            {
                var d = probabilities[i * classCount + k] - (truth[i] == k ? 1.0 : 0.0);
                sum += d * d;
            }
        }
        return truth.Length == 0 ? double.NaN : sum / truth.Length;
    }

    /// <summary>Mean negative log probability of the true class; probabilities are clipped to [1e-15, 1].</summary>
    public static double LogLoss(ReadOnlySpan<int> truth, ReadOnlySpan<float> probabilities, int classCount)
    {
        CheckLengths(truth.Length * classCount, probabilities.Length);
        double sum = 0;
        for (var i = 0; i < truth.Length; i++)
            sum -= Math.Log(Math.Clamp(probabilities[i * classCount + truth[i]], 1e-15, 1.0));
        return truth.Length == 0 ? double.NaN : sum / truth.Length;
    }

    /// <summary>counts[t, p] = rows of true class t predicted as p.</summary>
    public static int[,] ConfusionMatrix(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classCount)
    {
        CheckLengths(truth.Length, predicted.Length);
        var counts = new int[classCount, classCount];
        for (var i = 0; i < truth.Length; i++) counts[truth[i], predicted[i]]++;
        return counts;
    }

    private static double Averaged(
        ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classCount, MetricAverage average, Func<int, int, int, double> score)
    {
        CheckLengths(truth.Length, predicted.Length);
        if (average == MetricAverage.Binary && classCount != 2)
            throw new ArgumentException($"Binary averaging scores class 1 of a two-class problem; {classCount} classes given.");
        if (truth.Length == 0) return double.NaN;
        var counts = ClassCounts.Count(truth, predicted, classCount);
        var (tp, fp, fn) = (counts.TruePositives, counts.FalsePositives, counts.FalseNegatives);
        switch (average)
        {
            case MetricAverage.Binary:
                return score(tp[1], fp[1], fn[1]);
            case MetricAverage.Micro:
                return score(tp.Sum(), fp.Sum(), fn.Sum());
            case MetricAverage.Macro or MetricAverage.Weighted:
                double sum = 0, weights = 0;
                for (var c = 0; c < classCount; c++)
                {
                    if (!counts.Occurs(c)) continue;
                    double weight = average == MetricAverage.Macro ? 1 : counts.Support(c);
                    sum += weight * score(tp[c], fp[c], fn[c]);
                    weights += weight;
                }
                return weights == 0 ? 0 : sum / weights;
            default:
                throw new ArgumentOutOfRangeException(nameof(average), average, null);
        }
    }

    // zero_division=0: a score whose denominator is empty (a class never predicted, or never true) is 0.
    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static void CheckLengths(int expected, int actual)
    {
        if (expected != actual) throw new ArgumentException($"Length mismatch: {expected} expected, {actual} given.");
    }
}
