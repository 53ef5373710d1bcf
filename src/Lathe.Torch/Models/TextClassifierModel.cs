using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.IO;
using Lathe.Models;
using Lathe.Text;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Runtime;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Lathe.Torch.Models;

/// <summary>A trained character- or word-level text classifier or regressor: spec, vocabulary and sequence length as JSON, weights as safetensors.</summary>
public sealed class TextClassifierModel : IModel
{
    public const string WeightsFile = "weights.safetensors";
    private const int PredictBatch = 256;

    private readonly TextEncoderSpec _spec;
    private readonly TextEncoderNet _net;
    private readonly OutputKind _output;
    private readonly string _column;
    private readonly ITokenVocabulary _vocabulary;
    private readonly int _length;
    private readonly IReadOnlyList<string> _classes;

    internal TextClassifierModel(TextEncoderSpec spec, TextEncoderNet net, TaskKind task, OutputKind output, string column,
        ITokenVocabulary vocabulary, int length, IReadOnlyList<string> classes) =>
        (_spec, _net, Task, _output, _column, _vocabulary, _length, _classes) = (spec, net, task, output, column, vocabulary, length, classes);

    public string Type => _spec.Type;

    public TaskKind Task { get; }

    public Prediction Predict(Table table)
    {
        var text = TextEncoding.InputOf(table, [_column], _spec.Type);
        using var ids = TextEncoding.Encode(text, _vocabulary, _length);
        return BatchPredictor.Predict(_net, table.RowCount, (start, length) => ids.narrow(0, start, length), _output, Task, _classes, PredictBatch);
    }

    public JsonObject Save(string directory)
    {
        AtomicFile.WriteVia(Path.Combine(directory, WeightsFile), path => _net.save_safetensors(path));
        var json = new JsonObject
        {
            ["type"] = Type,
            ["task"] = Task.ToString().ToLowerInvariant(),
            ["output"] = _output.ToString().ToLowerInvariant(),
            ["net"] = _spec.ToJson(),
            ["column"] = _column,
            ["vocabulary"] = _vocabulary.ToJson(),
            ["length"] = _length,
            ["classes"] = new JsonArray([.. _classes.Select(c => JsonValue.Create(c))]),
            ["weights"] = WeightsFile,
        };
        if (_vocabulary is WordVocabulary words) json["lowercase"] = words.Lowercase;
        return json;
    }

    public static TextClassifierModel Load(JsonObject json, string directory)
    {
        TorchRuntime.Initialize();
        var spec = TextEncoderSpec.FromJson(json["net"]!.AsObject());
        ITokenVocabulary vocabulary = spec.Tokens == TextEncoderSpec.WordTokens
            ? WordVocabulary.FromJson(json["vocabulary"]!.AsArray(), (bool?)json["lowercase"] ?? true)
            : CharacterVocabulary.FromJson(json["vocabulary"]!.AsArray());
        var output = Enum.Parse<OutputKind>((string)json["output"]!, ignoreCase: true);
        var classes = json["classes"]!.AsArray().Select(c => (string)c!).ToArray();
        var net = spec.BuildFor(vocabulary.Count, output == OutputKind.Softmax ? classes.Length : 1);
        var weights = Path.Combine(directory, (string)json["weights"]!);
        if (!File.Exists(weights)) throw LatheException.BadData($"{weights}: the model's weights file is missing.");
        net.load_safetensors(weights);
        net.eval();
        return new TextClassifierModel(spec, net, Enum.Parse<TaskKind>((string)json["task"]!, ignoreCase: true), output,
            (string)json["column"]!, vocabulary, (int)json["length"]!, classes);
    }
}
