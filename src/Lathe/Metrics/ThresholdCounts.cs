namespace Lathe.Metrics;

/// <summary>
/// For each distinct score, highest first, how many positive and negative rows score at least that much
/// (scikit-learn's _binary_clf_curve). Rows with equal scores enter together, which is what makes the ROC
/// area the Mann–Whitney statistic with ties counted as one half.
/// </summary>
internal sealed class ThresholdCounts
{
    private ThresholdCounts(float[] thresholds, int[] truePositives, int[] falsePositives)
    {
        Thresholds = thresholds;
        TruePositives = truePositives;
        FalsePositives = falsePositives;
    }

    /// <summary>The distinct scores in decreasing order.</summary>
    public float[] Thresholds { get; }

    /// <summary>Positive rows with score ≥ Thresholds[i] (non-decreasing; the last is the number of positives).</summary>
    public int[] TruePositives { get; }

    /// <summary>Negative rows with score ≥ Thresholds[i].</summary>
    public int[] FalsePositives { get; }

    public int Positives => TruePositives.Length == 0 ? 0 : TruePositives[^1];

    public int Negatives => FalsePositives.Length == 0 ? 0 : FalsePositives[^1];

    /// <summary>Rows are positive where truth equals positiveClass; O(n log n) for the sort.</summary>
    public static ThresholdCounts Count(ReadOnlySpan<int> truth, ReadOnlySpan<float> scores, int positiveClass)
    {
        if (truth.Length != scores.Length)
            throw new ArgumentException($"Length mismatch: {truth.Length} expected, {scores.Length} given.");
        var keys = scores.ToArray();
        var rows = new int[keys.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            if (float.IsNaN(keys[i])) throw new ArgumentException($"Score {i} is NaN; scores must be numbers.");
            rows[i] = i;
        }
        Array.Sort(keys, rows);

        var thresholds = new List<float>();
        var tps = new List<int>();
        var fps = new List<int>();
        int tp = 0, fp = 0;
        for (var j = keys.Length - 1; j >= 0; j--)
        {
            if (truth[rows[j]] == positiveClass) tp++;
            else fp++;
            // Close a threshold at the last row of a run of equal scores (-0 and +0 are one score, as in numpy).
            if (j > 0 && keys[j - 1] == keys[j]) continue;
            thresholds.Add(keys[j]);
            tps.Add(tp);
            fps.Add(fp);
        }
        return new ThresholdCounts([.. thresholds], [.. tps], [.. fps]);
    }
}
