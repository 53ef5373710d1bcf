using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>
/// A small residual network for images (He et al. 2016, the CIFAR variant): a 3×3 stem, then one stage
/// per entry of <see cref="Widths"/> with <see cref="BlocksPerStage"/> basic blocks (two 3×3 convolutions
/// with batch norm and a skip connection); each stage after the first halves the image; global average
/// pooling and a linear output layer.
/// </summary>
public sealed record ResNetSpec(IReadOnlyList<int> Widths, int BlocksPerStage = 2) : INetSpec
{
    public const string TypeName = "resnet";

    public string Type => TypeName;

    public nn.Module<Tensor, Tensor> Build(IReadOnlyList<int> inputShape, int outputs)
    {
        CheckInput(inputShape);
        var image = inputShape.Count == 3 ? inputShape : [1, inputShape[0], inputShape[1]];
        return new ResNet(image[0], image[1], image[2], this, outputs);
    }

    public void CheckInput(IReadOnlyList<int> inputShape)
    {
        if (inputShape.Count is not (2 or 3))
            throw LatheException.BadConfig(
                $"model.type resnet needs image input (one vector column shaped [channels, height, width], as IDX images are); this data's input has shape [{string.Join(", ", inputShape)}].");
    }

    public void Validate()
    {
        if (Widths.Count == 0 || Widths.Any(w => w < 1))
            throw LatheException.BadConfig($"model.channels must list positive stage widths, not [{string.Join(", ", Widths)}].");
        if (BlocksPerStage < 1) throw LatheException.BadConfig("model.blocks must be at least 1.");
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["widths"] = new JsonArray([.. Widths.Select(w => JsonValue.Create(w))]),
        ["blocks"] = BlocksPerStage,
    };

    public static ResNetSpec FromJson(JsonObject json) => new([.. json["widths"]!.AsArray().Select(w => (int)w!)], (int)json["blocks"]!);
}
