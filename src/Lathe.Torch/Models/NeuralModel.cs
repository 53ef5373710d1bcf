using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.IO;
using Lathe.Models;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Runtime;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Lathe.Torch.Models;

/// <summary>
/// A trained network: its architecture spec and input shape as JSON, its weights as safetensors
/// (readable by PyTorch). Loading rebuilds the network from the spec and reads the weights; no code runs.
/// </summary>
public sealed class NeuralModel : IModel
{
    public const string WeightsFile = "weights.safetensors";
    private const int PredictBatch = 1024;

    private readonly INetSpec _spec;
    private readonly nn.Module<Tensor, Tensor> _net;
    private readonly OutputKind _output;
    private readonly IReadOnlyList<string> _features;
    private readonly IReadOnlyList<int> _shape;
    private readonly IReadOnlyList<string> _classes;
    private readonly JsonObject? _transfer;

    internal NeuralModel(INetSpec spec, nn.Module<Tensor, Tensor> net, TaskKind task, OutputKind output, IReadOnlyList<string> features,
        IReadOnlyList<int> shape, IReadOnlyList<string> classes, JsonObject? transfer = null)
    {
        (_spec, _net, Task, _output, _features, _shape, _classes, _transfer) = (spec, net, task, output, features, shape, classes, transfer);
    }

    public string Type => _spec.Type;

    public TaskKind Task { get; }

    /// <summary>The network, for inspection or transfer learning.</summary>
    public nn.Module<Tensor, Tensor> Network => _net;

    public Prediction Predict(Table table)
    {
        var matrix = FeatureMatrix.Build(table, _features, out var width);
        var expected = _shape.Aggregate(1, (a, b) => a * b);
        if (width != expected)
            throw LatheException.BadData($"The input has {width} feature values per row; this model was trained on {expected}.");
        if (Task == TaskKind.Reconstruction) return ReconstructionErrors(matrix, width);
        return BatchPredictor.Predict(_net, table.RowCount, (start, length) =>
            tensor(matrix.AsSpan((int)(start * width), (int)(length * width)).ToArray(), [length, width]), _output, Task, _classes, PredictBatch);
    }

    /// <summary>Each row's mean squared difference between the input and its reconstruction.</summary>
    private Prediction ReconstructionErrors(float[] matrix, int width)
    {
        var rows = matrix.Length / width;
        var errors = new float[rows];
        _net.eval();
        using var _ = no_grad();
        for (var start = 0; start < rows; start += PredictBatch)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(PredictBatch, rows - start);
            var x = tensor(matrix.AsSpan(start * width, length * width).ToArray(), [length, width]);
            (_net.forward(x) - x).pow(2).mean([1]).data<float>().CopyTo(errors.AsSpan(start, length));
        }
        return Prediction.Reconstruction(errors);
    }

    public JsonObject Save(string directory)
    {
        AtomicFile.WriteVia(Path.Combine(directory, WeightsFile), path => _net.save_safetensors(path));
        return new JsonObject
        {
            ["type"] = Type,
            ["task"] = Task.ToString().ToLowerInvariant(),
            ["output"] = _output.ToString().ToLowerInvariant(),
            ["net"] = _spec.ToJson(),
            ["features"] = new JsonArray([.. _features.Select(f => JsonValue.Create(f))]),
            ["input_shape"] = new JsonArray([.. _shape.Select(d => JsonValue.Create(d))]),
            ["classes"] = new JsonArray([.. _classes.Select(c => JsonValue.Create(c))]),
            ["weights"] = WeightsFile,
            ["pretrained"] = _transfer?.DeepClone(), // what was loaded from where, for the record
        };
    }

    public static NeuralModel Load(JsonObject json, string directory)
    {
        TorchRuntime.Initialize();
        var task = Enum.Parse<TaskKind>((string)json["task"]!, ignoreCase: true);
        var output = Enum.Parse<OutputKind>((string)json["output"]!, ignoreCase: true);
        var spec = NetSpecs.FromJson(json["net"]!.AsObject());
        var classes = json["classes"]!.AsArray().Select(c => (string)c!).ToArray();
        var shape = json["input_shape"]!.AsArray().Select(d => (int)d!).ToArray();
        var outputs = task == TaskKind.Reconstruction ? shape.Aggregate(1, (a, b) => a * b) : output == OutputKind.Softmax ? classes.Length : 1;
        var net = spec.Build(shape, outputs);
        var weights = Path.Combine(directory, (string)json["weights"]!);
        if (!File.Exists(weights)) throw LatheException.BadData($"{weights}: the model's weights file is missing.");
        net.load_safetensors(weights);
        net.eval();
        return new NeuralModel(spec, net, task, output, [.. json["features"]!.AsArray().Select(f => (string)f!)], shape, classes,
            json["pretrained"]?.DeepClone().AsObject());
    }
}
