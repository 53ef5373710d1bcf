using Lathe.IO;
using Lathe.Training;
using ScottPlot;

namespace Lathe.Experiments.Plots;

/// <summary>Draws training and validation loss per epoch as a PNG with labelled axes and a legend.</summary>
public static class LearningCurvePlot
{
    public static void Save(History history, string path, string title) =>
        Draw(history, [("train_loss", "training loss"), ("val_loss", "validation loss")], path, title, "loss", Alignment.UpperRight);

    /// <summary>One line per (metric, legend label) over the history's steps; a metric the history lacks is left out.</summary>
    internal static void Draw(History history, IEnumerable<(string Metric, string Label)> lines, string path, string title, string yLabel, Alignment legend)
    {
        var plot = new Plot();
        PlotFonts.Use(plot);
        foreach (var (metric, label) in lines)
        {
            var series = history.Series(metric).Where(s => double.IsFinite(s.Value)).ToList();
            if (series.Count == 0) continue;
            var line = plot.Add.Scatter(series.Select(s => (double)s.Step).ToArray(), series.Select(s => s.Value).ToArray());
            line.LegendText = label;
            line.LineWidth = 2;
            line.MarkerSize = series.Count > 40 ? 0 : 5;
        }
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.ShowLegend(legend);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(800, 500, ImageFormat.Png));
    }
}
