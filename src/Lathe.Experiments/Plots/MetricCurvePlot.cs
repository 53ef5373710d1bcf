using Lathe.IO;
using Lathe.Training;
using ScottPlot;

namespace Lathe.Experiments.Plots;

/// <summary>Every metric of a history other than the losses (accuracy, out-of-bag score, …) per epoch or round, one line each.</summary>
public static class MetricCurvePlot
{
    public const string FileName = "metrics_curve.png";

    /// <summary>Draws the picture, or returns false when the history has no such metric.</summary>
    public static bool Save(History history, string path, string title)
    {
        var names = history.MetricNames.Where(n => !n.EndsWith("loss", StringComparison.Ordinal) && history.Series(n).Count > 1).ToList();
        if (names.Count == 0) return false;
        var plot = new Plot();
        PlotFonts.Use(plot);
        foreach (var name in names)
        {
            var series = history.Series(name).Where(s => double.IsFinite(s.Value)).ToList();
            var line = plot.Add.Scatter(series.Select(s => (double)s.Step).ToArray(), series.Select(s => s.Value).ToArray());
            line.LegendText = name;
            line.LineWidth = 2;
            line.MarkerSize = series.Count > 40 ? 0 : 5;
        }
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("score");
        plot.ShowLegend(Alignment.LowerRight);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(800, 500, ImageFormat.Png));
        return true;
    }
}
