using Lathe.Experiments.Config;
using Lathe.Models;
using Lathe.Prep;
using Lathe.Torch.Models;
using Lathe.Torch.Training;

namespace Lathe.Experiments.Runs;

/// <summary>Turns the model and train sections of a config into a pipeline, and knows how to load every model type.</summary>
public static class ModelFactory
{
    /// <summary>Every model type this build of Lathe can load.</summary>
    public static ModelCatalog Catalog { get; } = new ModelCatalog()
        .Register(MlpEstimator.TypeName, MlpModel.Load);

    /// <summary>
    /// The model with the preparation a practitioner would give it when the config names none. For a
    /// neural net: fill gaps (median / most frequent), one-hot encode categories, standardize all inputs.
    /// </summary>
    public static Pipeline Create(LatheConfig config, TaskKind task)
    {
        var model = config.Model;
        var options = new MlpOptions
        {
            Hidden = model.Hidden,
            Dropout = model.Dropout,
            Training = new TrainerOptions
            {
                Epochs = config.Train.Epochs,
                BatchSize = config.Train.BatchSize,
                Device = config.Train.Device,
                Optimizer = new OptimizerOptions
                {
                    Type = config.Train.Optimizer.Type,
                    LearningRate = config.Train.Optimizer.Lr,
                    WeightDecay = config.Train.Optimizer.WeightDecay,
                    Momentum = config.Train.Optimizer.Momentum,
                },
            },
        };
        IEstimator estimator = task == TaskKind.Classification ? new MlpClassifier(options) : new MlpRegressor(options);
        return new Pipeline([new Imputer(), new OneHotEncoder(), new StandardScaler()], estimator);
    }
}
