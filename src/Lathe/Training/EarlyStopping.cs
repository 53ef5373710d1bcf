using System.Text.Json.Nodes;

namespace Lathe.Training;

/// <summary>
/// Stops a fit when <see cref="Monitor"/> has not improved by more than <see cref="MinDelta"/> for
/// <see cref="Patience"/> steps, and (with <see cref="RestoreBest"/>) puts back the model state of the best step.
/// Metrics whose name contains "loss", "error" or "mse"/"rmse"/"mae" are minimized, others maximized. Steps that
/// report no train_loss (progress within a one-step fit) are skipped; any other step must report the monitor.
/// </summary>
public sealed class EarlyStopping(string monitor = "val_loss", int patience = 10, double minDelta = 0, bool restoreBest = true)
    : IStatefulCallback
{
    private object? _bestState;

    public string Monitor { get; } = monitor;

    public int Patience { get; } = patience >= 1 ? patience : throw LatheException.BadConfig("early_stopping.patience must be at least 1.");

    public double MinDelta { get; } = minDelta;

    public bool RestoreBest { get; } = restoreBest;

    public bool Minimize { get; } = IsLowerBetter(monitor);

    public double Best { get; private set; }

    public int BestStep { get; private set; }

    public int? StoppedAt { get; private set; }

    public static bool IsLowerBetter(string metric) =>
        new[] { "loss", "error", "mse", "rmse", "mae", "perplexity" }.Any(w => metric.Contains(w, StringComparison.OrdinalIgnoreCase));

    public void OnFitStart(FitContext context)
    {
        Best = Minimize ? double.PositiveInfinity : double.NegativeInfinity;
        BestStep = 0;
        StoppedAt = null;
        _bestState = null;
    }

    public void OnStep(StepReport report, FitContext context)
    {
        if (!report.Metrics.TryGetValue(Monitor, out var value))
        {
            // A step without train_loss is a progress report inside a one-step fit (an SVM's one-vs-one
            // problems), whose last step carries the losses: it is not judged.
            if (!report.Metrics.ContainsKey("train_loss")) return;
            throw LatheException.BadConfig(
                $"early_stopping.monitor: '{Monitor}' is not reported by this fit (it reports {string.Join(", ", report.Metrics.Keys)}). " +
                "Pick one of those, or give the run a validation split.");
        }
        var improved = Minimize ? value < Best - MinDelta : value > Best + MinDelta;
        if (improved)
        {
            Best = value;
            BestStep = report.Step;
            if (RestoreBest && context.State is not null) _bestState = context.State.Capture();
            return;
        }
        if (report.Step - BestStep >= Patience)
        {
            StoppedAt = report.Step;
            context.RequestStop($"early stopping: {Monitor} has not improved for {Patience} steps (best {Best:G5} at step {BestStep})");
        }
    }

    public string StateName => "early_stopping";

    public void SaveState(CheckpointFolder checkpoint, FitContext context)
    {
        checkpoint.WriteJson(StateName, new JsonObject
        {
            ["best"] = double.IsFinite(Best) ? Best : null,
            ["best_step"] = BestStep,
            ["has_best_state"] = _bestState is not null,
        });
        if (_bestState is not null && context.State is not null)
            checkpoint.WriteBytes(StateName + ".best_state", context.State.Serialize(_bestState));
    }

    public void LoadState(CheckpointFolder checkpoint, FitContext context)
    {
        var json = checkpoint.ReadJson(StateName);
        Best = (double?)json["best"] ?? (Minimize ? double.PositiveInfinity : double.NegativeInfinity);
        BestStep = (int)json["best_step"]!;
        if ((bool)json["has_best_state"]! && context.State is not null)
            _bestState = context.State.Deserialize(checkpoint.ReadBytes(StateName + ".best_state"));
    }

    public void OnFitEnd(FitContext context)
    {
        if (RestoreBest && _bestState is not null && context.State is not null && BestStep != context.LastStep)
        {
            context.State.Restore(_bestState);
            context.Log($"restored the model of step {BestStep} ({Monitor} {Best:G5})");
        }
        _bestState = null;
    }
}
