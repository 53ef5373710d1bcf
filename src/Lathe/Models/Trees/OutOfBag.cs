using Lathe.Metrics;

namespace Lathe.Models.Trees;

/// <summary>
/// The out-of-bag score: each training row predicted only by the trees whose bootstrap sample left it
/// out — a validation score for free. Accuracy for classification, R² for regression; rows every tree
/// saw are skipped (null when no row is left).
/// </summary>
internal static class OutOfBag
{
    public static double? Score(RandomForestModel model, float[] x, int width, int[][] samples, int[]? classes, float[]? values)
    {
        var rows = x.Length / width;
        var inBag = samples.Select(s => s.ToHashSet()).ToArray();
        var outOfBag = Enumerable.Range(0, rows)
            .Select(r => (Row: r, Trees: Enumerable.Range(0, samples.Length).Where(t => !inBag[t].Contains(r)).ToArray()))
            .Where(p => p.Trees.Length > 0)
            .ToList();
        if (outOfBag.Count == 0) return null;
        var prediction = model.Average(x, width, outOfBag.Select(p => (p.Row, (IEnumerable<int>)p.Trees)));
        return classes is not null
            ? ClassificationMetrics.Accuracy([.. outOfBag.Select(p => classes[p.Row])], prediction.ClassIndices)
            : RegressionMetrics.R2([.. outOfBag.Select(p => values![p.Row])], prediction.Values);
    }
}
