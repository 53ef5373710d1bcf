using Lathe.IO;
using ScottPlot;

namespace Lathe.Experiments.Plots;

/// <summary>A regressor's residuals (true − predicted) against its predictions: a pattern instead of a level band means missed structure.</summary>
public static class ResidualPlot
{
    public static void Save(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted, string path, string part)
    {
        double[] x = new double[predicted.Length], residuals = new double[predicted.Length];
        for (var i = 0; i < predicted.Length; i++) (x[i], residuals[i]) = (predicted[i], truth[i] - predicted[i]);
        var plot = new Plot();
        PlotFonts.Use(plot);
        var points = plot.Add.ScatterPoints(x, residuals);
        points.MarkerSize = 4;
        plot.Add.HorizontalLine(0).LinePattern = LinePattern.Dashed;
        plot.Title($"residuals ({part})");
        plot.XLabel("predicted value");
        plot.YLabel("true − predicted");
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(700, 550, ImageFormat.Png));
    }
}
