using Lathe.Data;
using Lathe.Models;

namespace Lathe.Metrics;

/// <summary>The standard set of scores for a model's predictions against a table's target column.</summary>
public static class Scoring
{
    /// <summary>Reconstruction: the mean of the rows' reconstruction errors.</summary>
    public static IReadOnlyDictionary<string, double> Reconstruction(Prediction prediction) =>
        new Dictionary<string, double> { ["reconstruction_mse"] = prediction.Values!.Average(v => (double)v) };

    /// <summary>Rows above which the silhouette is computed on a seeded sample of this many rows (its cost grows with the square).</summary>
    public const int SilhouetteSampleSize = 10_000;

    /// <summary>
    /// Clustering: silhouette (on <paramref name="x"/>, row-major with <paramref name="width"/> values per row,
    /// noise rows left out; on a sample of <see cref="SilhouetteSampleSize"/> rows, seed 0, for more rows; absent
    /// when fewer than two clusters make it undefined), clusters (distinct clusters found) and noise (rows in
    /// none); with <paramref name="labels"/> also ari and nmi against them (rows whose label is missing are left
    /// out; noise counts as one more cluster, as in scikit-learn).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Clustering(Prediction prediction, float[] x, int width, Column? labels)
    {
        var clusters = prediction.Clusters ?? throw new ArgumentException("The prediction is not a clustering.", nameof(prediction));
        if (labels is not null && labels.Length != clusters.Length)
            throw new ArgumentException($"{labels.Length} labels for {clusters.Length} rows.", nameof(labels));
        var scores = new Dictionary<string, double>();
        var silhouette = ClusteringMetrics.Silhouette(x, width, clusters, clusters.Length > SilhouetteSampleSize ? SilhouetteSampleSize : null);
        if (!double.IsNaN(silhouette)) scores["silhouette"] = silhouette;
        if (labels is not null)
        {
            int[] rows = [.. Enumerable.Range(0, labels.Length).Where(r => !labels.IsMissing(r))];
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            int[] truth = [.. rows.Select(r => names.TryGetValue(labels.Format(r), out var code) ? code : names[labels.Format(r)] = names.Count)];
            int[] predicted = [.. rows.Select(r => clusters[r])];
            scores["ari"] = ClusteringMetrics.AdjustedRandIndex(truth, predicted);
            scores["nmi"] = ClusteringMetrics.NormalizedMutualInformation(truth, predicted);
        }
        scores["clusters"] = clusters.Where(c => c != ClusteringMetrics.Noise).Distinct().Count();
        scores["noise"] = clusters.Count(c => c == ClusteringMetrics.Noise);
        return scores;
    }

    /// <summary>
    /// Classification: accuracy, balanced_accuracy, f1_macro, f1_weighted, precision_macro, recall_macro,
    /// log_loss, brier, roc_auc (binary, or one-vs-rest macro), pr_auc (average precision, likewise).
    /// Regression: mse, rmse, mae, r2, mape. A score undefined for these rows (roc_auc when a class is absent) is left out.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Score(Prediction prediction, Column target)
    {
        if (prediction.Task == TaskKind.Classification)
        {
            var classes = prediction.Classes!;
            var truth = target is CategoricalColumn c
                ? c.CodesIn(classes)
                : throw new ArgumentException($"Target '{target.Name}' must be categorical to score a classifier.");
            var missing = Array.IndexOf(truth, -1);
            if (missing >= 0)
                throw LatheException.BadData(
                    $"Row {missing + 1} of '{target.Name}' is '{target.Format(missing)}', which is empty or not a class the model knows ({string.Join(", ", classes)}).");
            var probabilities = prediction.Probabilities!;
            var (t, p) = (truth, prediction.ClassIndices!);
            var k = classes.Count;
            return Defined(new Dictionary<string, double>
            {
                ["accuracy"] = ClassificationMetrics.Accuracy(t, p),
                ["balanced_accuracy"] = ClassificationMetrics.BalancedAccuracy(t, p, k),
                ["f1_macro"] = ClassificationMetrics.F1Macro(t, p, k),
                ["f1_weighted"] = ClassificationMetrics.F1(t, p, k, MetricAverage.Weighted),
                ["precision_macro"] = ClassificationMetrics.Precision(t, p, k, MetricAverage.Macro),
                ["recall_macro"] = ClassificationMetrics.Recall(t, p, k, MetricAverage.Macro),
                ["log_loss"] = ClassificationMetrics.LogLoss(t, probabilities, k),
                ["brier"] = ClassificationMetrics.BrierScore(t, probabilities, k),
                ["roc_auc"] = RankingMetrics.RocAuc(t, probabilities, k),
                ["pr_auc"] = RankingMetrics.AveragePrecision(t, probabilities, k),
            });
        }
        var values = target is NumericColumn n
            ? n.Values
            : throw new ArgumentException($"Target '{target.Name}' must be numeric to score a regressor.");
        var predicted = prediction.Values!;
        return Defined(new Dictionary<string, double>
        {
            ["mse"] = RegressionMetrics.Mse(values, predicted),
            ["rmse"] = RegressionMetrics.Rmse(values, predicted),
            ["mae"] = RegressionMetrics.Mae(values, predicted),
            ["r2"] = RegressionMetrics.R2(values, predicted),
            ["mape"] = RegressionMetrics.Mape(values, predicted),
        });
    }

    private static Dictionary<string, double> Defined(Dictionary<string, double> scores)
    {
        foreach (var name in scores.Where(kv => !double.IsFinite(kv.Value)).Select(kv => kv.Key).ToList()) scores.Remove(name);
        return scores;
    }
}
