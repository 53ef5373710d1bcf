using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>
/// A classifier (or regressor) over one text column, read character by character: an embedding, then an
/// encoder — lstm or gru (the state at the last real character), cnn1d (convolution, max over time) or
/// transformer (self-attention blocks, mean over characters) — and a linear output layer. Texts are cut
/// to <see cref="MaxLength"/> characters.
/// </summary>
public sealed record TextEncoderSpec(string Encoder, int MaxLength = 256, int Dim = 64, int Hidden = 128, int Layers = 1, int Heads = 4,
    double Dropout = 0.1, string Tokens = TextEncoderSpec.CharacterTokens) : INetSpec
{
    public static readonly string[] Encoders = ["lstm", "gru", "cnn1d", "transformer"];

    /// <summary>Tokens are characters (the default) or words (<see cref="Text.WordTokenizer"/>); <see cref="MaxLength"/> counts tokens.</summary>
    public const string CharacterTokens = "characters";
    public const string WordTokens = "words";

    public string Type => Encoder;

    /// <summary><paramref name="inputShape"/> is [max length]; the vocabulary size comes in with <see cref="BuildFor"/>.</summary>
    public nn.Module<Tensor, Tensor> Build(IReadOnlyList<int> inputShape, int outputs) =>
        throw new InvalidOperationException("A text encoder needs its vocabulary size: use BuildFor.");

    /// <summary>The network for a vocabulary of <paramref name="symbols"/> ids (the padding id is <paramref name="symbols"/>).</summary>
    public TextEncoderNet BuildFor(int symbols, int outputs) => new(this, symbols, outputs);

    public void CheckInput(IReadOnlyList<int> inputShape) { }

    public void Validate()
    {
        if (!Encoders.Contains(Encoder)) throw LatheException.BadConfig($"model.type '{Encoder}' is not a text encoder ({string.Join(", ", Encoders)}).");
        if (MaxLength < 1) throw LatheException.BadConfig("model.max_length must be at least 1.");
        if (Dim < 1 || Hidden < 1 || Layers < 1) throw LatheException.BadConfig("model.dim, model.hidden and model.layers must be at least 1.");
        if (Encoder == "transformer" && (Heads < 1 || Dim % Heads != 0))
            throw LatheException.BadConfig($"model.dim ({Dim}) must be a positive multiple of model.heads ({Heads}).");
        if (Dropout is < 0 or >= 1) throw LatheException.BadConfig($"model.dropout must be in [0, 1), not {Dropout}.");
        if (Tokens is not (CharacterTokens or WordTokens)) throw LatheException.BadConfig($"model.tokens: '{Tokens}' is not one of {CharacterTokens}, {WordTokens}.");
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type, ["max_length"] = MaxLength, ["dim"] = Dim, ["hidden"] = Hidden, ["layers"] = Layers, ["heads"] = Heads, ["dropout"] = Dropout, ["tokens"] = Tokens,
    };

    public static TextEncoderSpec FromJson(JsonObject json) => new((string)json["type"]!, (int)json["max_length"]!, (int)json["dim"]!,
        (int)json["hidden"]!, (int)json["layers"]!, (int)json["heads"]!, (double)json["dropout"]!, (string?)json["tokens"] ?? CharacterTokens);
}
