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
        LearningCurvePlot.Draw(history, names.Select(n => (n, n)), path, title, "score", Alignment.LowerRight);
        return true;
    }
}
