using System.Globalization;
using Lathe.Training;

namespace Lathe.Cli.Output;

/// <summary>Plain progress for logs and CI: one line per epoch with its metrics.</summary>
internal sealed class EpochPrinter(TextWriter output) : ICallback
{
    public void OnStep(StepReport report, FitContext context) => output.WriteLine(Describe(report));

    public static string Describe(StepReport report)
    {
        var total = report.TotalSteps is { } t ? $"/{t}" : "";
        var metrics = MetricText.Format(report.Metrics.Where(kv => kv.Key != "epoch_seconds"));
        var seconds = report.Metrics.TryGetValue("epoch_seconds", out var s) ? $"  ({s.ToString("0.00", CultureInfo.InvariantCulture)} s)" : "";
        return $"epoch {report.Step}{total}  {metrics}{seconds}";
    }
}
