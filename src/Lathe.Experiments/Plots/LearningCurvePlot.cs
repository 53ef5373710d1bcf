using Lathe.IO;
using Lathe.Training;
using ScottPlot;

namespace Lathe.Experiments.Plots;

/// <summary>Draws training and validation loss per epoch as a PNG with labelled axes and a legend.</summary>
public static class LearningCurvePlot
{
    public static void Save(History history, string path, string title)
    {
        var plot = new Plot();
        PlotFonts.Use(plot);
        foreach (var (metric, label) in new[] { ("train_loss", "training loss"), ("val_loss", "validation loss") })
        {
            var series = history.Series(metric);
            if (series.Count == 0) continue;
            var line = plot.Add.Scatter(series.Select(s => (double)s.Step).ToArray(), series.Select(s => s.Value).ToArray());
            line.LegendText = label;
            line.LineWidth = 2;
            line.MarkerSize = series.Count > 40 ? 0 : 5;
        }
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("loss");
        plot.ShowLegend(Alignment.UpperRight);
        var png = plot.GetImageBytes(800, 500, ImageFormat.Png);
        AtomicFile.WriteAllBytes(path, png);
    }
}
