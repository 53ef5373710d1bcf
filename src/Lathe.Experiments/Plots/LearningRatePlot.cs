using Lathe.IO;
using Lathe.Torch.Training;
using ScottPlot;

namespace Lathe.Experiments.Plots;

/// <summary>Loss against learning rate (log scale) from a range test, with the suggested rate marked.</summary>
public static class LearningRatePlot
{
    public static void Save(LearningRateSearch search, string path)
    {
        var plot = new Plot();
        PlotFonts.Use(plot);
        var x = search.Rates.Select(Math.Log10).ToArray();
        var raw = plot.Add.Scatter(x, search.Losses);
        raw.LegendText = "loss per batch";
        raw.LineWidth = 1;
        raw.MarkerSize = 0;
        raw.Color = Colors.Gray.WithAlpha(0.5);
        var smooth = plot.Add.Scatter(x, search.SmoothedLosses);
        smooth.LegendText = "smoothed loss";
        smooth.LineWidth = 2;
        smooth.MarkerSize = 0;
        var marker = plot.Add.VerticalLine(Math.Log10(search.Suggested));
        marker.LegendText = $"suggested lr {search.Suggested:G3}";
        marker.LinePattern = LinePattern.Dashed;
        var top = search.SmoothedLosses.Take(Math.Max(search.SmoothedLosses.Length / 2, 1)).Max() * 1.5;
        plot.Axes.SetLimitsY(Math.Min(search.SmoothedLosses.Min(), search.Losses.Min()) * 0.9, top);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1) { LabelFormatter = v => $"1e{v:0}" };
        plot.Title("learning-rate range test");
        plot.XLabel("learning rate (log scale)");
        plot.YLabel("training loss");
        plot.ShowLegend(Alignment.UpperLeft);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(800, 500, ImageFormat.Png));
    }
}
