using Lathe.Experiments.Plots;
using Lathe.IO;
using Lathe.Tuning.Distributions;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;
using ScottPlot;

namespace Lathe.Experiments.Tuning;

/// <summary>The study's pictures: optimization history, param importances, parallel coordinates.</summary>
internal static class TunePlots
{
    public static void OptimizationHistory(IReadOnlyList<FrozenTrial> trials, TuneSettings settings, string path)
    {
        var plot = new Plot();
        PlotFonts.Use(plot);
        var complete = trials.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v)).OrderBy(t => t.Number).ToList();
        if (complete.Count > 0)
        {
            var points = plot.Add.ScatterPoints(complete.Select(t => (double)t.Number).ToArray(), complete.Select(t => t.Value!.Value).ToArray());
            points.LegendText = "trial";
            points.MarkerSize = 7;
            var best = new List<double>();
            foreach (var t in complete) best.Add(best.Count == 0 || settings.Direction.Better(t.Value!.Value, best[^1]) ? t.Value!.Value : best[^1]);
            var line = plot.Add.Scatter(complete.Select(t => (double)t.Number).ToArray(), best.ToArray());
            line.LegendText = "best so far";
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            plot.ShowLegend(settings.Direction == StudyDirection.Minimize ? Alignment.UpperRight : Alignment.LowerRight);
        }
        var pruned = trials.Where(t => t.State == TrialState.Pruned && t.Value is { } p && double.IsFinite(p)).ToList();
        if (pruned.Count > 0)
        {
            var marks = plot.Add.ScatterPoints(pruned.Select(t => (double)t.Number).ToArray(), pruned.Select(t => t.Value!.Value).ToArray());
            marks.LegendText = "pruned (value when stopped)";
            marks.Color = Colors.Gray;
            marks.MarkerShape = MarkerShape.Eks;
            marks.MarkerSize = 7;
        }
        plot.Title($"{settings.StudyName}: optimization history");
        plot.XLabel("trial");
        plot.YLabel(settings.Metric);
        Save(plot, path);
    }

    public static void Importances(IReadOnlyList<(string Param, double Importance)> importances, TuneSettings settings, string path)
    {
        var plot = new Plot();
        PlotFonts.Use(plot);
        var bars = plot.Add.Bars(importances.Select(i => i.Importance).ToArray());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, importances.Count).Select(i => (double)i)], [.. importances.Select(i => i.Param)]);
        plot.Axes.Margins(left: 0);
        plot.Title($"{settings.StudyName}: param importance (η² of {settings.Metric})");
        plot.XLabel("share of explained variance");
        Save(plot, path, width: 900);
    }

    public static void ParallelCoordinates(IReadOnlyList<FrozenTrial> trials, TuneSettings settings, string path)
    {
        var plot = new Plot();
        PlotFonts.Use(plot);
        var complete = trials.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v)).ToList();
        var axes = settings.Space.Params;
        if (complete.Count > 0)
        {
            var low = complete.Min(t => t.Value!.Value);
            var high = complete.Max(t => t.Value!.Value);
            double Scaled(double v) => high > low ? (v - low) / (high - low) : 0.5;
            var colormap = new ScottPlot.Colormaps.Viridis();
            foreach (var t in complete)
            {
                var xs = new List<double>();
                var ys = new List<double>();
                for (var a = 0; a < axes.Count; a++)
                    if (t.InternalParams.TryGetValue(axes[a].Key, out var v)) { xs.Add(a); ys.Add(Position(axes[a].Distribution, v)); }
                xs.Add(axes.Count);
                ys.Add(Scaled(t.Value!.Value));
                // better trials drawn brighter
                var goodness = settings.Direction == StudyDirection.Maximize ? Scaled(t.Value!.Value) : 1 - Scaled(t.Value!.Value);
                var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
                line.Color = colormap.GetColor(goodness).WithAlpha(0.8);
                line.LineWidth = 1.5f;
                line.MarkerSize = 4;
            }
        }
        var valueLabel = complete.Count == 0 ? settings.Metric
            : $"{settings.Metric}\n{complete.Min(t => t.Value!.Value):G3} – {complete.Max(t => t.Value!.Value):G3}";
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, axes.Count + 1).Select(i => (double)i)], [.. axes.Select(a => a.Key), valueLabel]);
        plot.Axes.SetLimitsX(-0.4, axes.Count + 0.4);
        plot.Title($"{settings.StudyName}: parallel coordinates (each axis scaled to its range; bright = better)");
        plot.YLabel("low → high");
        Save(plot, path, width: Math.Max(800, 180 * (axes.Count + 1)));
    }

    /// <summary>A value's place on its axis, 0 to 1 (log ranges in log space; choices evenly spaced).</summary>
    private static double Position(ParamDistribution distribution, double v) => distribution switch
    {
        CategoricalDistribution c => c.Choices.Count > 1 ? v / (c.Choices.Count - 1) : 0.5,
        FloatDistribution { Log: true } f => f.High > f.Low ? (Math.Log(v) - Math.Log(f.Low)) / (Math.Log(f.High) - Math.Log(f.Low)) : 0.5,
        FloatDistribution f => f.High > f.Low ? (v - f.Low) / (f.High - f.Low) : 0.5,
        IntDistribution { Log: true } i => i.High > i.Low ? (Math.Log(v) - Math.Log(i.Low)) / (Math.Log(i.High) - Math.Log(i.Low)) : 0.5,
        IntDistribution i => i.High > i.Low ? (v - i.Low) / (double)(i.High - i.Low) : 0.5,
        _ => 0.5,
    };

    private static void Save(Plot plot, string path, int width = 800) => AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, 500, ImageFormat.Png));
}
