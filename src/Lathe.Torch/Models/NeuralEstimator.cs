using System.Text.Json.Nodes;
using Lathe.Augmentation;
using Lathe.Data;
using Lathe.Models;
using Lathe.Torch.Augmentation;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Runtime;
using Lathe.Torch.Training;
using Lathe.Torch.Transfer;
using Lathe.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Models;

/// <summary>
/// Trains the network an <see cref="INetSpec"/> describes on the numeric inputs of the training data
/// (a single image column keeps its shape; anything else is flattened into one row vector).
/// </summary>
public class NeuralEstimator : IEstimator
{
    public NeuralEstimator(INetSpec spec, TrainerOptions training, LossOptions loss, TaskKind task, PretrainedSource? pretrained = null)
    {
        TorchRuntime.Initialize();
        switch (spec)
        {
            case MlpSpec mlp: mlp.Validate(); break;
            case CnnSpec cnn: cnn.Validate(); break;
            case ResNetSpec resnet: resnet.Validate(); break;
            case AutoencoderSpec autoencoder: autoencoder.Validate(); break;
        }
        training.Validate();
        loss.Validate();
        if (pretrained is not null && !File.Exists(pretrained.Path) && !Directory.Exists(pretrained.Path))
            throw LatheException.BadConfig(
                $"model.pretrained: '{pretrained.Path}' does not exist. Give a run folder, a model folder, a .safetensors file or a PyTorch .pt/.pth state_dict.");
        (Spec, Training, Loss, Task, Pretrained) = (spec, training, loss, task, pretrained);
    }

    /// <summary>Weights to start from instead of a random initialization (transfer learning).</summary>
    public PretrainedSource? Pretrained { get; }

    public INetSpec Spec { get; }

    public TrainerOptions Training { get; }

    public LossOptions Loss { get; }

    public TaskKind Task { get; }

    public string Type => Spec.Type;

    public IModel Fit(TrainingData data, FitContext context)
    {
        if (data.Task != Task)
            throw new ArgumentException($"This estimator is for {Task.ToString().ToLowerInvariant()}, but the data is for {data.Task.ToString().ToLowerInvariant()}.");
        if (Task == TaskKind.Classification && data.Train[data.Target] is CategoricalColumn target && target.Codes.ToArray().Where(c => c >= 0).Distinct().Count() < 2)
            throw LatheException.BadData($"The training rows hold a single class of '{data.Target}'; a classifier needs at least two.");
        var (features, shape, choice, device, outputs) = Prepare(data);
        var classes = Task == TaskKind.Classification ? data.Classes : [];
        using var train = ToTensors(data.Train, features, data.Target, choice.Output);
        using var validation = data.Validation is null ? null : ToTensors(data.Validation, features, data.Target, choice.Output);

        random.manual_seed(context.Seed);
        var net = Spec.Build(shape, outputs);
        var transfer = Pretrained is null ? null : LoadPretrained(net, context);
        net.to(device);
        try
        {
            var augmenter = Augmenter(shape, choice);
            if (augmenter is not null) context.Log(augmenter.Describe());
            new Trainer(Training).Fit(net, choice.Objective, train, validation, context, device, augmenter);
        }
        finally
        {
            (choice.Objective as IDisposable)?.Dispose();
        }
        net.to(CPU);
        net.eval();
        return new NeuralModel(Spec, net, Task, choice.Output, features, shape, classes, transfer);
    }

    /// <summary>The augmenter of <see cref="TrainerOptions.Augment"/> for this input (images when it is [C, H, W]); null when the list is empty.</summary>
    private BatchAugmenter? Augmenter(int[] shape, ObjectiveFactory.Choice choice) =>
        Training.Augment.Count == 0
            ? null
            : new BatchAugmenter(Training.Augment, shape.Length == 3 ? AugmentedInput.Image : AugmentedInput.Numeric, shape,
                choice.Output == OutputKind.Softmax ? choice.Outputs : 0);

    /// <summary>
    /// Measures training throughput at doubling batch sizes on fresh copies of this network (see
    /// <see cref="BatchSizeFinder"/>). <paramref name="data"/> must be prepared (numeric, no gaps).
    /// </summary>
    public BatchSizeSearch FindBatchSize(TrainingData data, int seed, int start = 16, int max = 8192)
    {
        var (features, shape, choice, device, outputs) = Prepare(data);
        using var train = ToTensors(data.Train, features, data.Target, choice.Output);
        try
        {
            return BatchSizeFinder.Run(() =>
            {
                random.manual_seed(seed);
                return Spec.Build(shape, outputs);
            }, choice.Objective, train, Training.Optimizer, device, start, max);
        }
        finally
        {
            (choice.Objective as IDisposable)?.Dispose();
        }
    }

    /// <summary>Loads the pretrained weights into <paramref name="net"/>; returns the report, which the model keeps in model.json.</summary>
    private JsonObject LoadPretrained(nn.Module net, FitContext context)
    {
        var weights = PretrainedWeights.Read(Pretrained!.Path);
        try
        {
            var report = WeightTransfer.Apply(net, weights, Pretrained.Rename, Pretrained.Skip);
            foreach (var line in report.Describe()) context.Log(line);
            var json = report.ToJson();
            json["source"] = Pretrained.Path;
            return json;
        }
        finally
        {
            foreach (var tensor in weights.Values) tensor.Dispose();
        }
    }

    /// <summary>
    /// Runs the learning-rate range test on fresh weights of this network with this optimizer type and
    /// batch size (see <see cref="LearningRateFinder"/>). <paramref name="data"/> must be prepared (numeric, no gaps).
    /// </summary>
    public LearningRateSearch FindLearningRate(TrainingData data, int seed, double minRate = 1e-7, double maxRate = 10, int steps = 100)
    {
        var (features, shape, choice, device, outputs) = Prepare(data);
        using var train = ToTensors(data.Train, features, data.Target, choice.Output);
        random.manual_seed(seed);
        using var net = Spec.Build(shape, outputs);
        net.to(device);
        try
        {
            return LearningRateFinder.Run(net, choice.Objective, train, Training.Optimizer, Training.BatchSize, seed, device, minRate, maxRate, steps);
        }
        finally
        {
            (choice.Objective as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// What fitting and the finders share: the input columns and shape (checked against the network), the
    /// objective, the device, and the output count (an autoencoder has one output per input value).
    /// </summary>
    private (IReadOnlyList<string> Features, int[] Shape, ObjectiveFactory.Choice Choice, Device Device, int Outputs) Prepare(TrainingData data)
    {
        var features = data.FeatureNames;
        var shape = InputShapeOf(data.Train, features);
        Spec.CheckInput(shape);
        var choice = ObjectiveFactory.Create(Loss, Task, Task == TaskKind.Classification ? data.Classes : []);
        var outputs = Task == TaskKind.Reconstruction ? shape.Aggregate(1, (a, b) => a * b) : choice.Outputs;
        return (features, shape, choice, TorchRuntime.ResolveDevice(Training.Device), outputs);
    }

    /// <summary>A single vector column keeps its shape (an image); otherwise the row is one flat vector.</summary>
    internal static int[] InputShapeOf(Table table, IReadOnlyList<string> features) =>
        features.Count == 1 && table[features[0]] is VectorColumn v ? [.. v.Shape] : [FeatureMatrix.WidthOf(table, features)];

    private TensorData ToTensors(Table table, IReadOnlyList<string> features, string target, OutputKind output)
    {
        var matrix = FeatureMatrix.Build(table, features, out var width);
        var inputs = tensor(matrix, [table.RowCount, width]);
        return new TensorData(inputs, Task == TaskKind.Reconstruction ? inputs.clone() : TargetTensor.Of(table, target, output));
    }
}
