using Lathe.Experiments.Config;
using Lathe.Experiments.Data;
using Lathe.Models;
using Lathe.Torch.Models;

namespace Lathe.Experiments.Runs;

/// <summary>
/// A config's data prepared exactly as its network would see it, with the network's estimator: what the
/// finders (learning rate, batch size) run on.
/// </summary>
public sealed record TrainingSetup(LatheConfig Config, TrainingData Prepared, NeuralEstimator Estimator)
{
    public static TrainingSetup Load(string configPath, IReadOnlyList<string> overrides, Action<string> log)
    {
        var config = ConfigLoader.Load(configPath, overrides);
        foreach (var warning in UnusedModelKeys.Warnings(config.Model)) log(warning);
        var configDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var data = TrainingBalance.Apply(config, DatasetLoader.Load(config, configDirectory), log);
        log($"data: {data.Describe()}; task {data.Task.ToString().ToLowerInvariant()}");
        var pipeline = ModelFactory.Create(config, data.Task, configDirectory);
        var estimator = pipeline.Estimator as NeuralEstimator
            ?? throw LatheException.BadConfig($"model.type {config.Model.Type}: the finders work with mlp, cnn and resnet models.");
        return new TrainingSetup(config, pipeline.PrepareTraining(data.ToTrainingData()), estimator);
    }
}
