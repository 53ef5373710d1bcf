using Lathe.IO;
using ScottPlot;

namespace Lathe.Experiments.Plots;

/// <summary>Feature importances as horizontal bars, largest on top, with ±1 standard deviation whiskers when there is a spread.</summary>
public static class ImportancePlot
{
    /// <param name="bars">(column, importance, spread) in the order to draw, largest first; at most the first 20 are drawn.</param>
    public static void Save(IReadOnlyList<(string Column, double Value, double Spread)> bars, string path, string title, string axis)
    {
        var shown = bars.Take(20).ToList();
        var plot = new Plot();
        PlotFonts.Use(plot);
        var n = shown.Count;
        for (var i = 0; i < n; i++)
        {
            var (_, value, spread) = shown[i];
            var y = n - 1 - i;
            var bar = plot.Add.Rectangle(Math.Min(0, value), Math.Max(0, value), y - 0.35, y + 0.35);
            bar.FillColor = Colors.SteelBlue;
            bar.LineColor = Colors.SteelBlue.Darken(0.3);
            if (spread > 0)
            {
                var whisker = plot.Add.Line(value - spread, y, value + spread, y);
                whisker.Color = Colors.Black;
                whisker.LineWidth = 1.5f;
            }
        }
        double[] positions = [.. Enumerable.Range(0, n).Select(i => (double)i)];
        plot.Axes.Left.SetTicks(positions, [.. shown.Select(b => b.Column).Reverse()]);
        var low = Math.Min(0, shown.Min(b => b.Value - b.Spread));
        var high = Math.Max(shown.Max(b => b.Value + b.Spread), 1e-9);
        plot.Axes.SetLimits(low - 0.05 * (high - low), high + 0.05 * (high - low), -0.6, n - 0.4);
        plot.Title(bars.Count > n ? $"{title} (top {n} of {bars.Count})" : title);
        plot.XLabel(axis);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(800, Math.Max(300, 120 + 28 * n), ImageFormat.Png));
    }
}
