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

    private static void CheckLengths(int expected, int actual)
    {
        if (expected != actual) throw new ArgumentException($"Length mismatch: {expected} expected, {actual} given.");
    }
}
