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

/// <summary>A trained MLP. Weights are saved as safetensors (readable by PyTorch); the rest is JSON.</summary>
public sealed class MlpModel : IModel
{
    public const string WeightsFile = "weights.safetensors";
    private const int PredictBatch = 4096;

    private readonly MlpNet _net;
    private readonly IReadOnlyList<string> _features;
    private readonly int _width;
    private readonly IReadOnlyList<int> _hidden;
    private readonly IReadOnlyList<string> _classes;
    private readonly OutputKind _output;

    internal MlpModel(MlpNet net, TaskKind task, OutputKind output, IReadOnlyList<string> features, int width, IReadOnlyList<int> hidden,
        IReadOnlyList<string> classes)
    {
        _net = net;
        Task = task;
        _output = output;
        _features = features;
        _width = width;
        _hidden = hidden;
        _classes = classes;
    }

    public string Type => MlpEstimator.TypeName;

    public TaskKind Task { get; }

    public Prediction Predict(Table table)
    {
        var matrix = FeatureMatrix.Build(table, _features, out var width);
        if (width != _width)
            throw LatheException.BadData($"The input has {width} feature values per row; this model was trained on {_width}.");
        var rows = table.RowCount;
        var outputs = Task == TaskKind.Classification ? _classes.Count : 1;
        var result = new float[rows * outputs];
        _net.eval();
        using var _ = no_grad();
        for (var start = 0; start < rows; start += PredictBatch)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(PredictBatch, rows - start);
            var x = tensor(matrix.AsSpan(start * width, length * width).ToArray(), [length, width]);
            var output = _output switch
            {
                OutputKind.Softmax => _net.forward(x).softmax(1),
                OutputKind.Sigmoid => _net.forward(x).sigmoid() is var p ? cat([1 - p, p], 1) : null!,
                _ => _net.forward(x),
            };
            output.contiguous().data<float>().CopyTo(result.AsSpan(start * outputs, length * outputs));
        }
        return Task == TaskKind.Classification ? Prediction.Classification(result, _classes) : Prediction.Regression(result);
    }

    public JsonObject Save(string directory)
    {
        AtomicFile.WriteVia(Path.Combine(directory, WeightsFile), path => _net.save_safetensors(path));
        return new JsonObject
        {
            ["type"] = Type,
            ["task"] = Task.ToString().ToLowerInvariant(),
            ["output"] = _output.ToString().ToLowerInvariant(),
            ["features"] = new JsonArray([.. _features.Select(f => JsonValue.Create(f))]),
            ["input_width"] = _width,
            ["hidden"] = new JsonArray([.. _hidden.Select(h => JsonValue.Create(h))]),
            ["classes"] = new JsonArray([.. _classes.Select(c => JsonValue.Create(c))]),
            ["weights"] = WeightsFile,
        };
    }

    public static MlpModel Load(JsonObject json, string directory)
    {
        TorchRuntime.Initialize();
        var task = Enum.Parse<TaskKind>((string)json["task"]!, ignoreCase: true);
        var classes = json["classes"]!.AsArray().Select(c => (string)c!).ToArray();
        var hidden = json["hidden"]!.AsArray().Select(h => (int)h!).ToArray();
        var width = (int)json["input_width"]!;
        var output = Enum.Parse<OutputKind>((string)json["output"]!, ignoreCase: true);
        var net = new MlpNet(width, hidden, output == OutputKind.Softmax ? classes.Length : 1, dropout: 0);
        var weights = Path.Combine(directory, (string)json["weights"]!);
        if (!File.Exists(weights)) throw LatheException.BadData($"{weights}: the model's weights file is missing.");
        net.load_safetensors(weights);
        net.eval();
        return new MlpModel(net, task, output, [.. json["features"]!.AsArray().Select(f => (string)f!)], width, hidden, classes);
    }
}
