namespace Lathe.Metrics;

/// <summary>
/// Points of the ROC, precision–recall and calibration curves, as scikit-learn 1.2's roc_curve,
/// precision_recall_curve and calibration_curve(strategy="uniform") compute them, for plotting and reports.
/// </summary>
public static class Curves
{
    /// <summary>
    /// The ROC curve of scores against truth == positiveClass. With dropIntermediate (scikit-learn's default)
    /// points collinear with their neighbours are dropped; they change neither the plot nor the area. A rate
    /// whose denominator is empty (no negative or no positive row) is NaN throughout, as scikit-learn.
    /// </summary>
    public static RocCurve Roc(ReadOnlySpan<int> truth, ReadOnlySpan<float> scores, int positiveClass = 1, bool dropIntermediate = true)
    {
        var counts = ThresholdCounts.Count(truth, scores, positiveClass);
        var keep = new List<int>(counts.Thresholds.Length);
        var (tps, fps) = (counts.TruePositives, counts.FalsePositives);
        for (var i = 0; i < tps.Length; i++)
        {
            // Keep the ends and every corner: a point whose second difference is non-zero in fps or tps.
            var inner = dropIntermediate && tps.Length > 2 && i > 0 && i < tps.Length - 1;
            if (inner && fps[i + 1] - 2 * fps[i] + fps[i - 1] == 0 && tps[i + 1] - 2 * tps[i] + tps[i - 1] == 0) continue;
            keep.Add(i);
        }
        var fpr = new double[keep.Count + 1];
        var tpr = new double[keep.Count + 1];
        var thresholds = new float[keep.Count + 1];
        thresholds[0] = keep.Count == 0 ? 1f : counts.Thresholds[0] + 1f; // float arithmetic, as numpy on float32 scores
        for (var j = 0; j < keep.Count; j++)
        {
            var i = keep[j];
            fpr[j + 1] = Rate(fps[i], counts.Negatives);
            tpr[j + 1] = Rate(tps[i], counts.Positives);
            thresholds[j + 1] = counts.Thresholds[i];
        }
        if (counts.Negatives == 0) Array.Fill(fpr, double.NaN);
        if (counts.Positives == 0) Array.Fill(tpr, double.NaN);
        return new RocCurve(fpr, tpr, thresholds);
    }

    /// <summary>
    /// The precision–recall curve of scores against truth == positiveClass, one point per distinct score
    /// in increasing order plus the final (1, 0). Recall is NaN throughout when there is no positive row
    /// (scikit-learn 1.2 sets it to 1 with a warning).
    /// </summary>
    public static PrecisionRecallCurve PrecisionRecall(ReadOnlySpan<int> truth, ReadOnlySpan<float> scores, int positiveClass = 1)
    {
        var counts = ThresholdCounts.Count(truth, scores, positiveClass);
        var m = counts.Thresholds.Length;
        var precision = new double[m + 1];
        var recall = new double[m + 1];
        var thresholds = new float[m];
        for (var i = 0; i < m; i++)
        {
            var j = m - 1 - i; // increasing thresholds
            var tp = counts.TruePositives[i];
            precision[j] = (double)tp / (tp + counts.FalsePositives[i]);
            recall[j] = Rate(tp, counts.Positives);
            thresholds[j] = counts.Thresholds[i];
        }
        precision[m] = 1;
        recall[m] = 0;
        if (counts.Positives == 0) Array.Fill(recall, double.NaN, 0, m);
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }

    /// <summary>
    /// Calibration of a binary score: rows binned uniformly on [0, 1] into bins bins (each bin (lo, hi], the
    /// first also holding 0, edges i/bins as numpy's linspace), observed frequency of truth == positiveClass.
    /// Scores must be probabilities in [0, 1].
    /// </summary>
    public static CalibrationCurve CalibrationBinary(ReadOnlySpan<int> truth, ReadOnlySpan<float> probabilities, int positiveClass = 1, int bins = 5)
    {
        if (truth.Length != probabilities.Length)
            throw new ArgumentException($"Length mismatch: {truth.Length} expected, {probabilities.Length} given.");
        var hits = new bool[truth.Length];
        for (var i = 0; i < hits.Length; i++) hits[i] = truth[i] == positiveClass;
        return Calibration(probabilities, hits, bins);
    }

    /// <summary>
    /// Calibration from row-major probabilities (rows × classes). Two classes: class 1's probability against
    /// truth == 1 (scikit-learn's calibration_curve). More classes: the confidence curve — the probability of
    /// the predicted class (the arg max, the first on ties) against whether that prediction was right — since
    /// scikit-learn 1.2 has no multiclass form.
    /// </summary>
    public static CalibrationCurve Calibration(ReadOnlySpan<int> truth, ReadOnlySpan<float> probabilities, int classCount, int bins = 5)
    {
        if (truth.Length * classCount != probabilities.Length)
            throw new ArgumentException($"Length mismatch: {truth.Length * classCount} expected, {probabilities.Length} given.");
        var confidence = new float[truth.Length];
        var hits = new bool[truth.Length];
        for (var i = 0; i < truth.Length; i++)
        {
            var row = probabilities.Slice(i * classCount, classCount);
            if (classCount == 2)
            {
                (confidence[i], hits[i]) = (row[1], truth[i] == 1);
                continue;
            }
            var best = 0;
            for (var k = 1; k < classCount; k++)
                if (row[k] > row[best]) best = k;
            (confidence[i], hits[i]) = (row[best], truth[i] == best);
        }
        return Calibration(confidence, hits, bins);
    }

    private static CalibrationCurve Calibration(ReadOnlySpan<float> probabilities, ReadOnlySpan<bool> hits, int bins)
    {
        if (bins < 1) throw new ArgumentException($"A calibration curve needs at least 1 bin; {bins} given.");
        var width = 1.0 / bins;
        var sums = new double[bins];
        var events = new int[bins];
        var counts = new int[bins];
        for (var i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"Probability {i} is {p}; calibration needs values in [0, 1].");
            // numpy's searchsorted(edges[1:-1], p): the number of inner edges k·width strictly below p.
            var bin = Math.Clamp((int)Math.Ceiling(p * bins) - 1, 0, bins - 1);
            while (bin > 0 && bin * width >= p) bin--;
            while (bin < bins - 1 && (bin + 1) * width < p) bin++;
            sums[bin] += p;
            counts[bin]++;
            if (hits[i]) events[bin]++;
        }
        var mean = new List<double>();
        var frequency = new List<double>();
        var count = new List<int>();
        for (var b = 0; b < bins; b++)
        {
            if (counts[b] == 0) continue;
            mean.Add(sums[b] / counts[b]);
            frequency.Add((double)events[b] / counts[b]);
            count.Add(counts[b]);
        }
        return new CalibrationCurve([.. mean], [.. frequency], [.. count]);
    }

    private static double Rate(int count, int total) => total == 0 ? double.NaN : (double)count / total;
}
