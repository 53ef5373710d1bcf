using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.IO;
using Lathe.Models;
using Lathe.Text;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Runtime;
using Lathe.Torch.Training;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Lathe.Torch.Models;

/// <summary>A trained character-level GPT: generates text after a prompt and scores text by perplexity.</summary>
public sealed class GptModel : IModel
{
    public const string WeightsFile = "weights.safetensors";

    private readonly GptSpec _spec;
    private readonly nn.Module<Tensor, Tensor> _net;
    private readonly CharacterVocabulary _vocabulary;

    internal GptModel(GptSpec spec, nn.Module<Tensor, Tensor> net, CharacterVocabulary vocabulary) =>
        (_spec, _net, _vocabulary) = (spec, net, vocabulary);

    public string Type => GptSpec.TypeName;

    public TaskKind Task => TaskKind.Generation;

    public CharacterVocabulary Vocabulary => _vocabulary;

    public Prediction Predict(Table table) => throw LatheException.BadConfig(
        "This is a text-generation model: use `lathe generate RUN --prompt \"...\"` (or GptModel.Generate in C#), not predict.");

    /// <summary>exp(mean next-character cross-entropy) over the text's windows; lower is better, 1 is perfect.</summary>
    public double Perplexity(string text)
    {
        using var data = GptEstimator.Windows(_vocabulary.Encode(text), _spec.Context, "scored");
        var (loss, _) = Trainer.Evaluate(_net, new NextTokenObjective(), data, CPU);
        return Math.Exp(loss);
    }

    /// <summary>
    /// Continues <paramref name="prompt"/> by <paramref name="tokens"/> characters, sampling each from the
    /// softmax of logits / <paramref name="temperature"/>, restricted to the <paramref name="topK"/> likeliest
    /// when given. The same seed gives the same text.
    /// </summary>
    public string Generate(string prompt, int tokens, double temperature = 1.0, int? topK = null, int seed = 0)
    {
        if (tokens < 0) throw LatheException.BadConfig("--tokens must not be negative.");
        if (!(temperature > 0)) throw LatheException.BadConfig("--temperature must be positive.");
        if (topK is < 1) throw LatheException.BadConfig("--top-k must be at least 1.");
        TorchRuntime.Initialize();
        var ids = _vocabulary.Encode(prompt.Length == 0 ? "\n" : prompt).ToList();
        using var generator = new Generator((ulong)seed);
        _net.eval();
        using var _ = no_grad();
        for (var i = 0; i < tokens; i++)
        {
            using var scope = NewDisposeScope();
            var window = ids.Skip(Math.Max(0, ids.Count - _spec.Context)).ToArray();
            var logits = _net.forward(tensor(window, [1, window.Length]))[0, -1] / temperature;
            if (topK is { } k && k < logits.shape[0])
            {
                var threshold = logits.topk(k).values[-1];
                logits = logits.masked_fill(logits.lt(threshold), double.NegativeInfinity);
            }
            ids.Add(multinomial(logits.softmax(0), 1, generator: generator).item<long>());
        }
        return _vocabulary.Decode(ids.Skip(prompt.Length == 0 ? 1 : _vocabulary.Encode(prompt).Length));
    }

    public JsonObject Save(string directory)
    {
        AtomicFile.WriteVia(Path.Combine(directory, WeightsFile), path => _net.save_safetensors(path));
        return new JsonObject
        {
            ["type"] = Type,
            ["task"] = "generation",
            ["net"] = _spec.ToJson(),
            ["vocabulary"] = _vocabulary.ToJson(),
            ["weights"] = WeightsFile,
        };
    }

    public static GptModel Load(JsonObject json, string directory)
    {
        TorchRuntime.Initialize();
        var spec = GptSpec.FromJson(json["net"]!.AsObject());
        var vocabulary = CharacterVocabulary.FromJson(json["vocabulary"]!.AsArray());
        var net = spec.Build([spec.Context], vocabulary.Count);
        var weights = Path.Combine(directory, (string)json["weights"]!);
        if (!File.Exists(weights)) throw LatheException.BadData($"{weights}: the model's weights file is missing.");
        net.load_safetensors(weights);
        net.eval();
        return new GptModel(spec, net, vocabulary);
    }
}
