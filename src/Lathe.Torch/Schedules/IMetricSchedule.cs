using System.Text.Json.Nodes;

namespace Lathe.Torch.Schedules;

/// <summary>A schedule that also reacts to each epoch's metrics (reduce-on-plateau), with state for checkpoints.</summary>
public interface IMetricSchedule : ILearningRateSchedule
{
    void Observe(IReadOnlyDictionary<string, double> metrics);

    JsonObject SaveState();

    void LoadState(JsonObject state);
}
