using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>
/// A small decoder-only Transformer (GPT-style) over token ids: <see cref="Context"/> positions,
/// <see cref="Layers"/> pre-norm blocks of causal self-attention (<see cref="Heads"/> heads) and a 4×
/// feed-forward layer, width <see cref="Dim"/>.
/// </summary>
public sealed record GptSpec(int Context = 128, int Layers = 4, int Heads = 4, int Dim = 128, double Dropout = 0.1) : INetSpec
{
    public const string TypeName = "gpt";

    public string Type => TypeName;

    /// <summary><paramref name="inputShape"/> is [context]; <paramref name="outputs"/> is the vocabulary size.</summary>
    public nn.Module<Tensor, Tensor> Build(IReadOnlyList<int> inputShape, int outputs) => new GptNet(this, outputs);

    public void CheckInput(IReadOnlyList<int> inputShape) { }

    public void Validate()
    {
        if (Context < 2) throw LatheException.BadConfig("model.context must be at least 2 tokens.");
        if (Layers < 1) throw LatheException.BadConfig("model.layers must be at least 1.");
        if (Heads < 1 || Dim < 1 || Dim % Heads != 0)
            throw LatheException.BadConfig($"model.dim ({Dim}) must be a positive multiple of model.heads ({Heads}).");
        if (Dropout is < 0 or >= 1) throw LatheException.BadConfig($"model.dropout must be in [0, 1), not {Dropout}.");
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type, ["context"] = Context, ["layers"] = Layers, ["heads"] = Heads, ["dim"] = Dim, ["dropout"] = Dropout,
    };

    public static GptSpec FromJson(JsonObject json) =>
        new((int)json["context"]!, (int)json["layers"]!, (int)json["heads"]!, (int)json["dim"]!, (double)json["dropout"]!);
}
