using Lathe.Data;
using Lathe.Models;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Runtime;
using Lathe.Torch.Training;
using Lathe.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Models;

/// <summary>MLP classifier: cross-entropy on class logits (or binary cross-entropy on one logit), softmax probabilities.</summary>
public sealed class MlpClassifier(MlpOptions? options = null) : MlpEstimator(options ?? new(), TaskKind.Classification);

/// <summary>MLP regressor: MSE, MAE or Huber loss on one output.</summary>
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
        var classes = Task == TaskKind.Classification ? data.Classes : [];
        var choice = ObjectiveFactory.Create(Options.Loss, Task, classes);
        var device = TorchRuntime.ResolveDevice(Options.Training.Device);
        using var train = ToTensors(data.Train, features, data.Target, choice.Output, out var width);
        using var validation = data.Validation is null ? null : ToTensors(data.Validation, features, data.Target, choice.Output, out _);

        random.manual_seed(context.Seed);
        var net = new MlpNet(width, Options.Hidden, choice.Outputs, Options.Dropout);
        net.to(device);
        try
        {
            new Trainer(Options.Training).Fit(net, choice.Objective, train, validation, context, device);
        }
        finally
        {
            (choice.Objective as IDisposable)?.Dispose();
        }
        net.to(CPU);
        net.eval();
        return new MlpModel(net, Task, choice.Output, features, width, Options.Hidden, classes);
    }

    private static TensorData ToTensors(Table table, IReadOnlyList<string> features, string target, OutputKind output, out int width)
    {
        var matrix = FeatureMatrix.Build(table, features, out width);
        Array targets = output switch
        {
            OutputKind.Softmax => ClassIndices((CategoricalColumn)table[target]),
            OutputKind.Sigmoid => ClassIndices((CategoricalColumn)table[target]).Select(c => (float)c).ToArray(),
            _ => ((NumericColumn)table[target]).Values.ToArray(),
        };
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
