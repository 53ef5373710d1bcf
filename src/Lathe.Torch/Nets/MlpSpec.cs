using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>A multilayer perceptron: hidden layer widths and dropout.</summary>
public sealed record MlpSpec(IReadOnlyList<int> Hidden, double Dropout = 0) : INetSpec
{
    public const string TypeName = "mlp";

    public string Type => TypeName;

    public nn.Module<Tensor, Tensor> Build(IReadOnlyList<int> inputShape, int outputs) =>
        new MlpNet(inputShape.Aggregate(1, (a, b) => a * b), Hidden, outputs, Dropout);

    public void CheckInput(IReadOnlyList<int> inputShape) { }

    public void Validate()
    {
        if (Hidden.Count == 0 || Hidden.Any(h => h < 1))
            throw LatheException.BadConfig($"model.hidden must list positive layer widths, not [{string.Join(", ", Hidden)}].");
        if (Dropout is < 0 or >= 1) throw LatheException.BadConfig($"model.dropout must be in [0, 1), not {Dropout}.");
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["hidden"] = new JsonArray([.. Hidden.Select(h => JsonValue.Create(h))]),
        ["dropout"] = Dropout,
    };

    public static MlpSpec FromJson(JsonObject json) =>
        new([.. json["hidden"]!.AsArray().Select(h => (int)h!)], (double)json["dropout"]!);
}
