using Lathe.Torch.Training;

namespace Lathe.Experiments.Runs;

/// <summary>`lathe batch-find`: measures training throughput at doubling batch sizes for a config's model.</summary>
public static class BatchSizeSearchRun
{
    public static BatchSizeSearch Execute(string configPath, IReadOnlyList<string> overrides, int start, int max, Action<string> log)
    {
        var setup = TrainingSetup.Load(configPath, overrides, log);
        log($"measuring {setup.Config.Model.Type} training throughput from batch {start} up to {max}, doubling");
        return setup.Estimator.FindBatchSize(setup.Prepared, setup.Config.Seed, start, max);
    }
}
