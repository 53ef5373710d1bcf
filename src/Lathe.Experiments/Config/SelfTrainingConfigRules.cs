using Lathe.SemiSupervised;

namespace Lathe.Experiments.Config;

/// <summary>Checks train.self_training and data.unlabeled when the config is loaded.</summary>
internal static class SelfTrainingConfigRules
{
    private static readonly string[] Unsupported = ["gpt", "autoencoder", "kmeans", "dbscan", "gmm"];

    public static void Apply(LatheConfig config, string source)
    {
        var selfTraining = config.Train.SelfTraining;
        if (selfTraining is null)
        {
            if (config.Data.Unlabeled is not null)
                throw LatheException.BadConfig($"{source}: data.unlabeled is read only for self-training; add train.self_training (for example {{ rounds: 3, min_confidence: 0.9 }}) or remove it.");
            return;
        }
        if (Unsupported.Contains(config.Model.Type) || config.Data.Task is "regression" or "clustering" or "generation")
            throw LatheException.BadConfig($"{source}: train.self_training needs a classifier; it does not apply to model.type {config.Model.Type} with data.task {config.Data.Task}.");
        try
        {
            OptionsOf(selfTraining).Validate();
        }
        catch (LatheException e)
        {
            throw LatheException.BadConfig($"{source}: {e.Message}");
        }
    }

    public static SelfTrainingOptions OptionsOf(SelfTrainingConfig config) =>
        new() { Rounds = config.Rounds, MinConfidence = config.MinConfidence, MaxShare = config.MaxShare };
}
