using Lathe.Boosting;
using Lathe.Experiments.Config;
using Lathe.Models;
using Lathe.Models.Bayes;
using Lathe.Models.Clustering;
using Lathe.Models.Linear;
using Lathe.Models.Neighbors;
using Lathe.Models.Svm;
using Lathe.Models.Trees;
using Lathe.Prep;
using Lathe.Torch.Models;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Schedules;
using Lathe.Torch.Transfer;
using Lathe.Torch.Training;

namespace Lathe.Experiments.Runs;

/// <summary>Turns the model and train sections of a config into a pipeline, and knows how to load every model type.</summary>
public static class ModelFactory
{
    /// <summary>Every model type this build of Lathe can load.</summary>
    public static ModelCatalog Catalog { get; } = new ModelCatalog()
        .Register(MlpSpec.TypeName, NeuralModel.Load)
        .Register(CnnSpec.TypeName, NeuralModel.Load)
        .Register(ResNetSpec.TypeName, NeuralModel.Load)
        .Register(AutoencoderSpec.TypeName, NeuralModel.Load)
        .Register(DecisionTreeEstimator.TypeName, DecisionTreeModel.Load)
        .Register(RandomForestEstimator.TypeName, RandomForestModel.Load)
        .Register(KNearestNeighbors.TypeName, NeighborsModel.Load)
        .Register(GaussianNaiveBayes.TypeName, NaiveBayesModel.Load)
        .Register(MultinomialNaiveBayes.TypeName, MultinomialNaiveBayesModel.Load)
        .Register(GradientBoostingEstimator.TypeName, GradientBoostingModel.Load)
        .Register(KMeans.TypeName, KMeansModel.Load)
        .Register(Dbscan.TypeName, DbscanModel.Load)
        .Register(GaussianMixture.TypeName, GaussianMixtureModel.Load)
        .Register(LinearRegressor.TypeName, LinearModel.Load)
        .Register(LogisticRegression.TypeName, LogisticModel.Load)
        .Register(SvmEstimator.TypeName, SvmModel.Load)
        .Register(GptSpec.TypeName, GptModel.Load)
        .Register("lstm", TextClassifierModel.Load)
        .Register("gru", TextClassifierModel.Load)
        .Register("cnn1d", TextClassifierModel.Load)
        .Register("transformer", TextClassifierModel.Load);

    /// <summary>
    /// The model with the preparation a practitioner would give it when the config names none. For a
    /// neural net: fill gaps (median / most frequent), one-hot encode categories, standardize all inputs.
    /// </summary>
    /// <param name="configDirectory">Folder that a relative model.pretrained path starts from.</param>
    public static Pipeline Create(LatheConfig config, TaskKind task, string configDirectory = ".") =>
        WithTextFeatures(PreparationPlan.Compose(CreateDefault(config, task, configDirectory), config), config);

    /// <summary>
    /// data.text's vectorizer goes last: the imputer, encoder and scaler before it pass text through, and its
    /// term vectors (already weighted and normalized) reach the model unscaled.
    /// </summary>
    private static Pipeline WithTextFeatures(Pipeline pipeline, LatheConfig config) => config.Data.Text is { } text
        ? new Pipeline([.. pipeline.Transforms, TextConfigRules.VectorizerOf(text)], pipeline.Estimator)
        : pipeline;

    private static Pipeline CreateDefault(LatheConfig config, TaskKind task, string configDirectory)
    {
        var model = config.Model;
        var train = config.Train;
        if (model.Type == "auto")
            throw LatheException.BadConfig("model.type auto is a search over model families, not one model: run it with `lathe train` or `lathe tune` (docs/model-selection.md).");
        if (config.Data.Augment.Count > 0 && (ClassicalModels.Handles(model.Type) || model.Type == GptSpec.TypeName))
            throw LatheException.BadConfig(
                $"data.augment applies to neural networks trained in batches (mlp, cnn, resnet, autoencoder, lstm, gru, cnn1d, transformer), not model.type {model.Type}; remove it.");
        if (ClassicalModels.Handles(model.Type)) return ClassicalModels.Create(model, train, task);
        if (model.Type == GptSpec.TypeName)
        {
            var options = new GptOptions
            {
                Context = model.Context, Layers = model.Layers ?? 4, Heads = model.Heads ?? 4, Dim = model.Dim ?? 128, Dropout = model.Dropout,
                Training = TrainerOptionsOf(train),
            };
            return new Pipeline(new GptEstimator(options));
        }
        var finetune = config.Finetune;
        var training = TrainerOptionsOf(train) with
        {
            Augment = [.. config.Data.Augment.Select((a, i) => a.ToSpec($"data.augment[{i}]"))],
            Finetune = new FinetuneOptions
            {
                Freeze = finetune.Freeze, FreezeDepth = finetune.FreezeDepth, UnfreezeEvery = finetune.UnfreezeEvery, LrMultipliers = finetune.LrMultipliers,
            },
        };
        if (model.Pretrained is null && (finetune.Freeze.Count > 0 || finetune.FreezeDepth > 0 || finetune.LrMultipliers.Count > 0 ||
                                         finetune.Rename.Count > 0 || finetune.Skip.Count > 0))
            throw LatheException.BadConfig("finetune: these settings fine-tune pretrained weights; set model.pretrained (a run folder, model folder or weights file).");
        var pretrained = model.Pretrained is null
            ? null
            : new PretrainedSource(Path.GetFullPath(Path.Combine(configDirectory, model.Pretrained)), finetune.Rename, finetune.Skip);
        var loss = new LossOptions
        {
            Type = train.Loss.Type,
            LabelSmoothing = train.Loss.LabelSmoothing,
            ClassWeights = train.Loss.ClassWeights,
            HuberDelta = train.Loss.HuberDelta,
        };
        if (TextEncoderSpec.Encoders.Contains(model.Type))
        {
            var text = new TextEncoderSpec(model.Type, model.MaxLength, model.Dim ?? 64, model.Units, model.Layers ?? 1, model.Heads ?? 4, model.Dropout, model.Tokens);
            return new Pipeline(new TextClassifierEstimator(text, training, loss, task));
        }
        INetSpec spec = model.Type switch
        {
            CnnSpec.TypeName => new CnnSpec(model.Channels, model.Hidden ?? [128], model.KernelSize, model.Dropout, model.BatchNorm),
            ResNetSpec.TypeName => new ResNetSpec(model.Channels, model.Blocks),
            AutoencoderSpec.TypeName => new AutoencoderSpec(model.Hidden ?? [32, 8], model.Dropout),
            _ => new MlpSpec(model.Hidden ?? [64, 32], model.Dropout),
        };
        return new Pipeline([new Imputer(), new OneHotEncoder(), new StandardScaler()], new NeuralEstimator(spec, training, loss, task, pretrained));
    }

    private static TrainerOptions TrainerOptionsOf(TrainConfig train) => new()
    {
        Epochs = train.Epochs,
        MaxSteps = train.MaxSteps,
        BatchSize = train.BatchSize,
        AccumulateBatches = train.AccumulateBatches,
        ClipNorm = train.ClipNorm,
        ClipValue = train.ClipValue,
        L1 = train.L1,
        L2 = train.L2,
        Device = train.Device,
        Threads = train.Threads,
        Optimizer = new OptimizerOptions
        {
            Type = train.Optimizer.Type,
            LearningRate = train.Optimizer.Lr,
            WeightDecay = train.Optimizer.WeightDecay,
            Momentum = train.Optimizer.Momentum,
            Nesterov = train.Optimizer.Nesterov,
            Beta1 = train.Optimizer.Beta1,
            Beta2 = train.Optimizer.Beta2,
            Epsilon = train.Optimizer.Epsilon,
            Alpha = train.Optimizer.Alpha,
        },
        Schedule = new ScheduleOptions
        {
            Type = train.Schedule.Type,
            WarmupEpochs = train.Schedule.WarmupEpochs,
            StepSize = train.Schedule.StepSize,
            Gamma = train.Schedule.Gamma,
            Milestones = train.Schedule.Milestones,
            MinLr = train.Schedule.MinLr,
            RestartEpochs = train.Schedule.RestartEpochs,
            CycleMultiplier = train.Schedule.CycleMultiplier,
            PctStart = train.Schedule.PctStart,
            DivFactor = train.Schedule.DivFactor,
            FinalDivFactor = train.Schedule.FinalDivFactor,
            Monitor = train.Schedule.Monitor,
            Factor = train.Schedule.Factor,
            Patience = train.Schedule.Patience,
        },
    };
}
