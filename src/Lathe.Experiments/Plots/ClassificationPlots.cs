using Lathe.IO;
using Lathe.Metrics;
using ScottPlot;

namespace Lathe.Experiments.Plots;

/// <summary>
/// The pictures of a classifier's predictions on one part of the data: the confusion matrix as a heatmap,
/// ROC and precision–recall curves (class 1 for two classes, one-vs-rest per class for more) and the
/// calibration curve.
/// </summary>
public static class ClassificationPlots
{
    public static void Save(int[] truth, int[] predicted, float[] probabilities, IReadOnlyList<string> classes, string folder, string part)
    {
        ConfusionMatrix(truth, predicted, classes, Path.Combine(folder, "confusion_matrix.png"), part);
        var k = classes.Count;
        var curves = k == 2 ? [1] : Enumerable.Range(0, k).ToArray();
        var roc = NewPlot($"ROC curve ({part})", "false positive rate", "true positive rate");
        var pr = NewPlot($"precision-recall curve ({part})", "recall", "precision");
        foreach (var c in curves)
        {
            var scores = Enumerable.Range(0, truth.Length).Select(r => probabilities[r * k + c]).ToArray();
            var label = k == 2 ? classes[1] : $"{classes[c]} vs rest";
            var rocCurve = Curves.Roc(truth, scores, c);
            if (rocCurve.FalsePositiveRate.All(double.IsFinite) && rocCurve.TruePositiveRate.All(double.IsFinite))
                Line(roc, rocCurve.FalsePositiveRate, rocCurve.TruePositiveRate, label);
            var prCurve = Curves.PrecisionRecall(truth, scores, c);
            if (prCurve.Recall.All(double.IsFinite)) Line(pr, prCurve.Recall, prCurve.Precision, label);
        }
        var diagonal = roc.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        Write(roc, Path.Combine(folder, "roc_curve.png"), Alignment.LowerRight);
        Write(pr, Path.Combine(folder, "pr_curve.png"), Alignment.LowerLeft);

        var calibration = Curves.Calibration(truth, probabilities, k, bins: 10);
        var plot = NewPlot($"calibration ({part})", k == 2 ? $"predicted probability of {classes[1]}" : "predicted probability of the predicted class",
            k == 2 ? $"share that is {classes[1]}" : "share predicted right");
        Line(plot, calibration.MeanPredicted, calibration.ObservedFrequency, "model");
        var perfect = plot.Add.Line(0, 0, 1, 1);
        perfect.LinePattern = LinePattern.Dashed;
        perfect.LegendText = "perfectly calibrated";
        Write(plot, Path.Combine(folder, "calibration.png"), Alignment.UpperLeft);
    }

    private static void ConfusionMatrix(int[] truth, int[] predicted, IReadOnlyList<string> classes, string path, string part)
    {
        var counts = ClassificationMetrics.ConfusionMatrix(truth, predicted, classes.Count);
        var k = classes.Count;
        var largest = Math.Max(1, counts.Cast<int>().Max());
        var plot = new Plot();
        PlotFonts.Use(plot);
        // One square per (true, predicted) pair, true classes top to bottom; white for none, deep blue for the most.
        for (var t = 0; t < k; t++)
            for (var p = 0; p < k; p++)
            {
                var share = counts[t, p] / (double)largest;
                var y = k - 1 - t;
                var cell = plot.Add.Rectangle(p - 0.5, p + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = Colors.White.MixedWith(Colors.SteelBlue.Darken(0.3), share);
                cell.LineColor = Colors.LightGray;
                if (k > 20) continue;
                var text = plot.Add.Text(counts[t, p].ToString(System.Globalization.CultureInfo.InvariantCulture), p, y);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = share > 0.5 ? Colors.White : Colors.Black;
            }
        double[] positions = [.. Enumerable.Range(0, k).Select(i => (double)i)];
        plot.Axes.Bottom.SetTicks(positions, [.. classes]);
        plot.Axes.Left.SetTicks(positions, [.. classes.Reverse()]);
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        plot.Title($"confusion matrix ({part})");
        plot.XLabel("predicted class");
        plot.YLabel("true class");
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(700, 600, ImageFormat.Png));
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        PlotFonts.Use(plot);
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        return plot;
    }

    private static void Line(Plot plot, double[] x, double[] y, string label)
    {
        (x, y) = Thinned(x, y);
        var line = plot.Add.Scatter(x, y);
        line.LegendText = label;
        line.LineWidth = 2;
        line.MarkerSize = x.Length > 30 ? 0 : 4;
    }

    /// <summary>
    /// The curve without the points that move less than a thousandth of the unit square from the last one kept (under
    /// a pixel of the 700-pixel picture): a curve over 150,000 rows draws in milliseconds instead of half a second.
    /// </summary>
    public static (double[] X, double[] Y) Thinned(double[] x, double[] y, double step = 1e-3)
    {
        if (x.Length <= 2000) return (x, y);
        var (keptX, keptY) = (new List<double> { x[0] }, new List<double> { y[0] });
        for (var i = 1; i < x.Length - 1; i++)
        {
            if (Math.Abs(x[i] - keptX[^1]) < step && Math.Abs(y[i] - keptY[^1]) < step) continue;
            keptX.Add(x[i]);
            keptY.Add(y[i]);
        }
        keptX.Add(x[^1]);
        keptY.Add(y[^1]);
        return ([.. keptX], [.. keptY]);
    }

    private static void Write(Plot plot, string path, Alignment legend)
    {
        plot.ShowLegend(legend);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(700, 550, ImageFormat.Png));
    }
}
