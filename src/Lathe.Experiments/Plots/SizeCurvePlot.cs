using Lathe.Experiments.Runs;
using Lathe.IO;
using ScottPlot;

namespace Lathe.Experiments.Plots;

/// <summary>Training and validation score against the number of training rows, with ±1 standard deviation bars over the repeats.</summary>
public static class SizeCurvePlot
{
    public const string FileName = "learning_curve_size.png";

    public static void Save(LearningCurveResult result, string path, string title)
    {
        var plot = new Plot();
        PlotFonts.Use(plot);
        double[] rows = [.. result.Points.Select(p => (double)p.Rows)];
        foreach (var (label, mean, spread) in new[]
                 {
                     ("training", result.Points.Select(p => p.Train), result.Points.Select(p => p.TrainSpread)),
                     ("validation", result.Points.Select(p => p.Validation), result.Points.Select(p => p.ValidationSpread)),
                 })
        {
            var line = plot.Add.Scatter(rows, mean.ToArray());
            line.LegendText = $"{label} {result.Metric}";
            line.LineWidth = 2;
            line.MarkerSize = 6;
            var bars = plot.Add.ErrorBar(rows, mean.ToArray(), spread.ToArray());
            bars.Color = line.Color;
        }
        plot.Title(title);
        plot.XLabel("training rows");
        plot.YLabel(result.Metric);
        plot.ShowLegend(Alignment.LowerRight);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(800, 500, ImageFormat.Png));
    }
}
