using Lathe.Data;
using Lathe.Models;
using Lathe.Torch.Nets;
using Lathe.Torch.Runtime;
using Lathe.Torch.Training;
using Lathe.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Models;

/// <summary>MLP classifier: cross-entropy on class logits, softmax probabilities.</summary>
public sealed class MlpClassifier(MlpOptions? options = null) : MlpEstimator(options ?? new(), TaskKind.Classification);

/// <summary>MLP regressor: mean squared error on one output.</summary>
public sealed class MlpRegressor(MlpOptions? options = null) : MlpEstimator(options ?? new(), TaskKind.Regression);

/// <summary>Trains an <see cref="MlpNet"/> on the numeric feature matrix of the training data.</summary>
public abstract class MlpEstimator : IEstimator
{
    public const string TypeName = "mlp";

    protected MlpEstimator(MlpOptions options, TaskKind task)
    {
        TorchRuntime.Initialize();
        options.Validate();
        Options = options;
        Task = task;
    }

    public MlpOptions Options { get; }

    public TaskKind Task { get; }

    public string Type => TypeName;

    public IModel Fit(TrainingData data, FitContext context)
    {
        if (data.Task != Task)
            throw new ArgumentException($"This MLP is for {Task.ToString().ToLowerInvariant()}, but the data is for {data.Task.ToString().ToLowerInvariant()}.");
        var features = data.FeatureNames;
        var device = TorchRuntime.ResolveDevice(Options.Training.Device);
        using var train = ToTensors(data.Train, features, data.Target, out var width);
        using var validation = data.Validation is null ? null : ToTensors(data.Validation, features, data.Target, out _);

        var classes = Task == TaskKind.Classification ? data.Classes : [];
        var outputs = Task == TaskKind.Classification ? classes.Count : 1;
        random.manual_seed(context.Seed);
        var net = new MlpNet(width, Options.Hidden, outputs, Options.Dropout);
        net.to(device);
        var trainer = new Trainer(Options.Training);
        trainer.Fit(net, LossFor(Task), train, validation, context, Task == TaskKind.Classification, device);
        net.to(CPU);
        net.eval();
        return new MlpModel(net, Task, features, width, Options.Hidden, classes);
    }

    internal static Func<Tensor, Tensor, Tensor> LossFor(TaskKind task) => task == TaskKind.Classification
        ? (output, target) => nn.functional.cross_entropy(output, target)
        : (output, target) => nn.functional.mse_loss(output, target);

    private TensorData ToTensors(Table table, IReadOnlyList<string> features, string target, out int width)
    {
        var matrix = FeatureMatrix.Build(table, features, out width);
        Array targets = Task == TaskKind.Classification
            ? ClassIndices((CategoricalColumn)table[target])
            : ((NumericColumn)table[target]).Values.ToArray();
        return TensorData.From(matrix, width, targets);
    }

    private static long[] ClassIndices(CategoricalColumn target)
    {
        var codes = new long[target.Length];
        for (var i = 0; i < codes.Length; i++)
            codes[i] = target[i] >= 0
                ? target[i]
                : throw LatheException.BadData($"Row {i + 1} of the target '{target.Name}' is empty or a class not in the training rows.");
        return codes;
    }
}
