using System.Runtime.CompilerServices;
using Lathe.Models.Clustering;

namespace Lathe.Metrics;

/// <summary>
/// Clustering scores: the silhouette (how well each row sits in its own cluster compared with the next
/// nearest, from the data alone), and the adjusted Rand index and normalized mutual information (agreement
/// with known labels; both are 1 for identical groupings whatever the cluster numbers, and near 0 for
/// chance). Labels are any integers; −1 marks noise.
/// </summary>
public static class ClusteringMetrics
{
    /// <summary>The label DBSCAN gives rows that belong to no cluster.</summary>
    public const int Noise = -1;

    /// <summary>
    /// Mean silhouette over the rows that are not noise (scikit-learn's silhouette_score with noise rows left
    /// out): for a row, a = its mean Euclidean distance to the other rows of its cluster, b = the smallest
    /// mean distance to the rows of another cluster, s = (b − a) / max(a, b); a row alone in its cluster
    /// scores 0. Exact (every pair; SIMD distances, rows in parallel). With <paramref name="sampleSize"/> set
    /// and smaller than the non-noise rows, the score is computed on that many rows drawn without replacement
    /// with <paramref name="seed"/> (advisable above about 10,000 rows: the cost grows with the square).
    /// Returns NaN when fewer than two clusters remain (the silhouette is undefined there).
    /// </summary>
    public static double Silhouette(float[] x, int width, int[] labels, int? sampleSize = null, int seed = 0)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), "Rows need at least one value.");
        if (x.Length != (long)labels.Length * width)
            throw new ArgumentException($"{x.Length} values do not make {labels.Length} rows of {width}.", nameof(x));
        if (sampleSize is < 2) throw new ArgumentOutOfRangeException(nameof(sampleSize), "A silhouette sample needs at least two rows.");

        int[] rows = [.. Enumerable.Range(0, labels.Length).Where(r => labels[r] != Noise)];
        if (sampleSize is { } size && size < rows.Length)
        {
            var random = new Random(seed);
            for (var i = 0; i < size; i++)
            {
                var j = random.Next(i, rows.Length);
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }
            rows = rows[..size];
            Array.Sort(rows);
        }

        var codes = Codes(rows.Select(r => labels[r]).ToArray(), out var clusterCount);
        if (clusterCount < 2) return double.NaN;
        var n = rows.Length;
        var data = new float[n * width];
        for (var i = 0; i < n; i++) x.AsSpan(rows[i] * width, width).CopyTo(data.AsSpan(i * width, width));
        var sizes = new int[clusterCount];
        foreach (var c in codes) sizes[c]++;

        var scores = new double[n];
        Parallel.For(0, n, () => new double[clusterCount], (i, _, sums) =>
        {
            scores[i] = RowSilhouette(data, width, codes, sizes, i, sums);
            return sums;
        }, _ => { });
        return scores.Sum() / n;
    }

    /// <summary>The silhouette of row <paramref name="i"/>; <paramref name="sums"/> is scratch space, one per cluster.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double RowSilhouette(float[] data, int width, int[] codes, int[] sizes, int i, double[] sums)
    {
        Array.Clear(sums);
        var row = new ReadOnlySpan<float>(data, i * width, width);
        for (var j = 0; j < codes.Length; j++)
            if (j != i) sums[codes[j]] += SimdKernels.Distance(row, new ReadOnlySpan<float>(data, j * width, width));
        var own = codes[i];
        if (sizes[own] < 2) return 0; // alone in its cluster
        var a = sums[own] / (sizes[own] - 1);
        var b = double.PositiveInfinity;
        for (var c = 0; c < sizes.Length; c++)
            if (c != own && sizes[c] > 0) b = Math.Min(b, sums[c] / sizes[c]);
        var scale = Math.Max(a, b);
        return scale > 0 ? (b - a) / scale : 0;
    }

    /// <summary>
    /// Adjusted Rand index (Hubert and Arabie 1985; scikit-learn's adjusted_rand_score): the share of row
    /// pairs on which the two groupings agree (together in both, or apart in both), corrected for chance.
    /// 1 for identical groupings, about 0 for random ones, negative when worse than chance. Noise (−1) counts as one more label.
    /// </summary>
    public static double AdjustedRandIndex(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted)
    {
        var table = Contingency(truth, predicted);
        double n = truth.Length;
        double together = table.Cells.Values.Sum(Pairs), truthPairs = table.TruthSizes.Sum(Pairs), predictedPairs = table.PredictedSizes.Sum(Pairs);
        // The pair confusion matrix (scikit-learn 1.2's formulation), in ordered pairs.
        var tp = 2 * together;
        var fp = 2 * (predictedPairs - together);
        var fn = 2 * (truthPairs - together);
        var tn = n * (n - 1) - tp - fp - fn;
        if (fn == 0 && fp == 0) return 1.0;
        return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }

    /// <summary>
    /// Normalized mutual information with the arithmetic mean of the two entropies as normaliser
    /// (scikit-learn's normalized_mutual_info_score default): 1 for identical groupings, 0 for independent
    /// ones. Two single-label groupings score 1. Noise (−1) counts as one more label.
    /// </summary>
    public static double NormalizedMutualInformation(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted)
    {
        var table = Contingency(truth, predicted);
        var (truthCount, predictedCount) = (table.TruthSizes.Length, table.PredictedSizes.Length);
        if ((truthCount == 1 && predictedCount == 1) || (truthCount == 0 && predictedCount == 0)) return 1.0;
        double n = truth.Length;
        double mi = 0;
        foreach (var ((t, p), count) in table.Cells)
            mi += count / n * (Math.Log(count) + Math.Log(n) - Math.Log(table.TruthSizes[t]) - Math.Log(table.PredictedSizes[p]));
        mi = Math.Max(mi, 0);
        if (mi == 0) return 0.0;
        var normaliser = Math.Max((Entropy(table.TruthSizes, n) + Entropy(table.PredictedSizes, n)) / 2, MachineEpsilon);
        return mi / normaliser;
    }

    /// <summary>The gap between 1 and the next double (numpy's finfo(float64).eps).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private static double Pairs(long count) => count * (count - 1) / 2.0;

    private static double Entropy(long[] sizes, double n) => -sizes.Where(s => s > 0).Sum(s => s / n * Math.Log(s / n));

    /// <summary>Row counts per true label, per predicted label, and per (true, predicted) pair that occurs.</summary>
    private sealed record ContingencyTable(long[] TruthSizes, long[] PredictedSizes, Dictionary<(int, int), long> Cells);

    private static ContingencyTable Contingency(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted)
    {
        if (truth.Length != predicted.Length)
            throw new ArgumentException($"{truth.Length} true labels but {predicted.Length} predicted.");
        var t = Codes(truth.ToArray(), out var truthCount);
        var p = Codes(predicted.ToArray(), out var predictedCount);
        var truthSizes = new long[truthCount];
        var predictedSizes = new long[predictedCount];
        var cells = new Dictionary<(int, int), long>();
        for (var i = 0; i < t.Length; i++)
        {
            truthSizes[t[i]]++;
            predictedSizes[p[i]]++;
            cells[(t[i], p[i])] = cells.GetValueOrDefault((t[i], p[i])) + 1;
        }
        return new ContingencyTable(truthSizes, predictedSizes, cells);
    }

    /// <summary>Labels renumbered 0..count−1 in order of first appearance.</summary>
    private static int[] Codes(int[] labels, out int count)
    {
        var map = new Dictionary<int, int>();
        var codes = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (!map.TryGetValue(labels[i], out var code)) map[labels[i]] = code = map.Count;
            codes[i] = code;
        }
        count = map.Count;
        return codes;
    }
}
