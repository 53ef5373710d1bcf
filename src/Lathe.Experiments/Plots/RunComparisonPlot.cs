using Lathe.IO;
using Lathe.Tracking.Store;
using ScottPlot;

namespace Lathe.Experiments.Plots;

/// <summary>
/// The learning curves of several runs on one chart: each run in its own colour, validation loss solid and
/// training loss dashed, per step.
/// </summary>
public static class RunComparisonPlot
{
    /// <summary>Draws the curves and returns how many lines it drew (0: no run has a loss series; no file is written then).</summary>
    public static int Save(IReadOnlyList<(string Label, IReadOnlyList<MetricPoint> Series)> runs, string path)
    {
        var plot = new Plot();
        PlotFonts.Use(plot);
        var palette = new ScottPlot.Palettes.Category10();
        var lines = 0;
        for (var r = 0; r < runs.Count; r++)
        {
            foreach (var (metric, pattern) in new[] { ("val_loss", LinePattern.Solid), ("train_loss", LinePattern.Dashed) })
            {
                var points = runs[r].Series.Where(p => p.Name == metric).OrderBy(p => p.Step).ToList();
                if (points.Count == 0) continue;
                var line = plot.Add.Scatter(points.Select(p => (double)p.Step).ToArray(), points.Select(p => p.Value).ToArray());
                line.Color = palette.GetColor(r);
                line.LinePattern = pattern;
                line.LineWidth = 2;
                line.MarkerSize = points.Count > 40 ? 0 : 4;
                line.LegendText = $"{runs[r].Label} {metric}";
                lines++;
            }
        }
        if (lines == 0) return 0;
        plot.Title("learning curves");
        plot.XLabel("step (epoch or round)");
        plot.YLabel("loss");
        plot.ShowLegend(Alignment.UpperRight);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(900, 550, ImageFormat.Png));
        return lines;
    }
}
