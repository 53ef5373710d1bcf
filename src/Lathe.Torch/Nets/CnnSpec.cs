using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>
/// A convolutional network for images: one block per entry of <see cref="Channels"/> (convolution,
/// optional batch norm, ReLU, 2×2 max pooling), then a dense head of <see cref="Hidden"/> widths with dropout.
/// </summary>
public sealed record CnnSpec(IReadOnlyList<int> Channels, IReadOnlyList<int> Hidden, int KernelSize = 3, double Dropout = 0, bool BatchNorm = true)
    : INetSpec
{
    public const string TypeName = "cnn";

    public string Type => TypeName;

    public nn.Module<Tensor, Tensor> Build(IReadOnlyList<int> inputShape, int outputs)
    {
        CheckInput(inputShape);
        var image = inputShape.Count == 3 ? inputShape : [1, inputShape[0], inputShape[1]];
        return new CnnNet(image[0], image[1], image[2], this, outputs);
    }

    public void CheckInput(IReadOnlyList<int> inputShape)
    {
        if (inputShape.Count is not (2 or 3))
            throw LatheException.BadConfig(
                $"model.type cnn needs image input (one vector column shaped [channels, height, width], as IDX images are); this data's input has shape [{string.Join(", ", inputShape)}]. Use model.type mlp for tabular data.");
        var size = Math.Min(inputShape[^1], inputShape[^2]);
        if (size >> Channels.Count < 1)
            throw LatheException.BadConfig($"model.channels: {Channels.Count} pooling blocks shrink a {size}-pixel image to nothing; use fewer blocks.");
    }

    public void Validate()
    {
        if (Channels.Count == 0 || Channels.Any(c => c < 1))
            throw LatheException.BadConfig($"model.channels must list positive channel counts, not [{string.Join(", ", Channels)}].");
        if (Hidden.Any(h => h < 1)) throw LatheException.BadConfig("model.hidden must list positive layer widths.");
        if (KernelSize < 1 || KernelSize % 2 == 0) throw LatheException.BadConfig("model.kernel_size must be an odd number (3, 5, ...).");
        if (Dropout is < 0 or >= 1) throw LatheException.BadConfig($"model.dropout must be in [0, 1), not {Dropout}.");
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["channels"] = new JsonArray([.. Channels.Select(c => JsonValue.Create(c))]),
        ["hidden"] = new JsonArray([.. Hidden.Select(h => JsonValue.Create(h))]),
        ["kernel_size"] = KernelSize,
        ["dropout"] = Dropout,
        ["batch_norm"] = BatchNorm,
    };

    public static CnnSpec FromJson(JsonObject json) => new(
        [.. json["channels"]!.AsArray().Select(c => (int)c!)],
        [.. json["hidden"]!.AsArray().Select(h => (int)h!)],
        (int)json["kernel_size"]!, (double)json["dropout"]!, (bool)json["batch_norm"]!);
}
