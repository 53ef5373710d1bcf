using Lathe.Experiments.Runs;
using Lathe.IO;
using ScottPlot;

namespace Lathe.Experiments.Plots;

/// <summary>Training and validation score for each value of one hyperparameter, the values evenly spaced and labelled.</summary>
public static class ValidationCurvePlot
{
    public static void Save(ValidationCurveResult result, string path, string title)
    {
        var plot = new Plot();
        PlotFonts.Use(plot);
        double[] positions = [.. Enumerable.Range(0, result.Points.Count).Select(i => (double)i)];
        foreach (var (label, scores) in new[] { ("training", result.Points.Select(p => p.Train)), ("validation", result.Points.Select(p => p.Validation)) })
        {
            var line = plot.Add.Scatter(positions, scores.ToArray());
            line.LegendText = $"{label} {result.Metric}";
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }
        plot.Axes.Bottom.SetTicks(positions, [.. result.Points.Select(p => p.Value)]);
        plot.Title(title);
        plot.XLabel(result.Parameter);
        plot.YLabel(result.Metric);
        plot.ShowLegend(Alignment.LowerRight);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(800, 500, ImageFormat.Png));
    }
}
