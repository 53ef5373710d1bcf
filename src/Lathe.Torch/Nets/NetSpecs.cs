using System.Text.Json.Nodes;

namespace Lathe.Torch.Nets;

/// <summary>Reads a network architecture back from a model file, by its type name.</summary>
public static class NetSpecs
{
    public static IReadOnlyList<string> Types { get; } = [MlpSpec.TypeName, CnnSpec.TypeName, ResNetSpec.TypeName, GptSpec.TypeName, AutoencoderSpec.TypeName];

    public static INetSpec FromJson(JsonObject json) => (string?)json["type"] switch
    {
        MlpSpec.TypeName => MlpSpec.FromJson(json),
        CnnSpec.TypeName => CnnSpec.FromJson(json),
        ResNetSpec.TypeName => ResNetSpec.FromJson(json),
        AutoencoderSpec.TypeName => AutoencoderSpec.FromJson(json),
        GptSpec.TypeName => GptSpec.FromJson(json),
        var other => throw LatheException.BadData($"model.json: unknown network type '{other}'; the model was saved by a newer Lathe."),
    };
}
