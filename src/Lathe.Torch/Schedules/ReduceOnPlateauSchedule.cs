using System.Text.Json.Nodes;

namespace Lathe.Torch.Schedules;

/// <summary>
/// Multiplies the rate by <see cref="Factor"/> when the monitored metric has not improved for
/// <see cref="Patience"/> epochs (torch's ReduceLROnPlateau, relative threshold off). Its state — the
/// best value, the epochs since and the current scale — goes into checkpoints.
/// </summary>
public sealed class ReduceOnPlateauSchedule(string monitor = "val_loss", double factor = 0.1, int patience = 10, double minRate = 0)
    : IMetricSchedule
{
    public string Monitor { get; } = monitor;

    public double Factor { get; } = factor is > 0 and < 1 ? factor : throw LatheException.BadConfig("train.schedule.factor must be in (0, 1).");

    public int Patience { get; } = patience >= 0 ? patience : throw LatheException.BadConfig("train.schedule.patience must not be negative.");

    public double MinRate { get; } = minRate;

    public bool Minimize { get; } = Lathe.Training.EarlyStopping.IsLowerBetter(monitor);

    public double Scale { get; private set; } = 1;

    public double Best { get; private set; } = double.NaN;

    public int EpochsWithoutImprovement { get; private set; }

    public double Rate(double baseRate, ScheduleClock clock) => Math.Max(baseRate * Scale, Math.Min(MinRate, baseRate));

    /// <summary>Called with each epoch's metrics; may lower the scale for the next epoch.</summary>
    public void Observe(IReadOnlyDictionary<string, double> metrics)
    {
        if (!metrics.TryGetValue(Monitor, out var value))
            throw LatheException.BadConfig($"train.schedule.monitor: '{Monitor}' is not reported (reported: {string.Join(", ", metrics.Keys)}).");
        if (double.IsNaN(Best) || (Minimize ? value < Best : value > Best))
        {
            Best = value;
            EpochsWithoutImprovement = 0;
            return;
        }
        if (++EpochsWithoutImprovement > Patience)
        {
            Scale *= Factor;
            EpochsWithoutImprovement = 0;
        }
    }

    public JsonObject SaveState() => new() { ["scale"] = Scale, ["best"] = double.IsNaN(Best) ? null : Best, ["bad_epochs"] = EpochsWithoutImprovement };

    public void LoadState(JsonObject state)
    {
        Scale = (double)state["scale"]!;
        Best = (double?)state["best"] ?? double.NaN;
        EpochsWithoutImprovement = (int)state["bad_epochs"]!;
    }
}
