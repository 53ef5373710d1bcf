using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>
/// A dense autoencoder: an encoder of <see cref="Hidden"/> widths (the last is the bottleneck, the code),
/// a mirrored decoder, and an output layer as wide as the input. Trained to reproduce its (prepared)
/// inputs; a row it reproduces badly is unlike the training rows.
/// </summary>
public sealed record AutoencoderSpec(IReadOnlyList<int> Hidden, double Dropout = 0) : INetSpec
{
    public const string TypeName = "autoencoder";

    public string Type => TypeName;

    public nn.Module<Tensor, Tensor> Build(IReadOnlyList<int> inputShape, int outputs)
    {
        var width = inputShape.Aggregate(1, (a, b) => a * b);
        // Encoder widths, then the decoder's in reverse (without repeating the bottleneck); the MLP adds the output layer.
        IReadOnlyList<int> layers = [.. Hidden, .. Hidden.Reverse().Skip(1)];
        return new MlpNet(width, layers, width, Dropout);
    }

    public void CheckInput(IReadOnlyList<int> inputShape) { }

    public void Validate()
    {
        if (Hidden.Count == 0 || Hidden.Any(h => h < 1))
            throw LatheException.BadConfig($"model.hidden must list positive encoder widths ending in the code size, not [{string.Join(", ", Hidden)}].");
        if (Dropout is < 0 or >= 1) throw LatheException.BadConfig($"model.dropout must be in [0, 1), not {Dropout}.");
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["hidden"] = new JsonArray([.. Hidden.Select(h => JsonValue.Create(h))]),
        ["dropout"] = Dropout,
    };

    public static AutoencoderSpec FromJson(JsonObject json) => new([.. json["hidden"]!.AsArray().Select(h => (int)h!)], (double)json["dropout"]!);
}
