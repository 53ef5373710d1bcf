using Lathe.Torch.Nets;
using static TorchSharp.torch;

namespace Lathe.Bench;

/// <summary>
/// One network the benchmark trains, in two builds with the same layers and the same order of random
/// initialisation: Lathe's own (<see cref="BuildLathe"/>) and a hand-written TorchSharp
/// <c>Sequential</c> (<see cref="BuildPlain"/>). With the same seed both start from the same weights.
/// </summary>
public sealed record BenchModel(
    string Name, string Description, int DefaultRows,
    Func<nn.Module<Tensor, Tensor>> BuildLathe, Func<nn.Module<Tensor, Tensor>> BuildPlain, TrainingFlops Flops)
{
    public static readonly string[] Names = ["mlp", "cnn"];

    /// <summary>784-256-128-10 with ReLU and no dropout, on all 60,000 training images.</summary>
    public static BenchModel Mlp { get; } = new(
        "mlp", "MLP 784-256-128-10", 60_000,
        () => new MlpNet(FashionMnist.Width, [256, 128], FashionMnist.Classes, dropout: 0),
        () => nn.Sequential(
            ("linear0", nn.Linear(FashionMnist.Width, 256)), ("relu0", nn.ReLU()),
            ("linear1", nn.Linear(256, 128)), ("relu1", nn.ReLU()),
            ("output", nn.Linear(128, FashionMnist.Classes))),
        TrainingFlops.ForMlp([FashionMnist.Width, 256, 128, FashionMnist.Classes]));

    /// <summary>
    /// <c>new CnnSpec([32, 64], [128]).Build([1, 28, 28], 10)</c>: two blocks of 3×3 convolution (no bias),
    /// batch norm, ReLU and 2×2 max pooling, then dense 128 and 10 outputs; on the first 10,000 images.
    /// </summary>
    public static BenchModel Cnn { get; } = new(
        "cnn", "CNN conv3x3(32)+bn+relu+pool, conv3x3(64)+bn+relu+pool, dense 128, 10", 10_000,
        () => new CnnSpec([32, 64], [128]).Build([1, 28, 28], FashionMnist.Classes),
        () => nn.Sequential(
            ("image", nn.Unflatten(1, [1, 28, 28])),
            ("conv0", nn.Conv2d(1, 32, 3, padding: 1, bias: false)), ("norm0", nn.BatchNorm2d(32)),
            ("relu0", nn.ReLU()), ("pool0", nn.MaxPool2d(2)),
            ("conv1", nn.Conv2d(32, 64, 3, padding: 1, bias: false)), ("norm1", nn.BatchNorm2d(64)),
            ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("linear0", nn.Linear(64 * 7 * 7, 128)), ("relu2", nn.ReLU()),
            ("output", nn.Linear(128, FashionMnist.Classes))),
        TrainingFlops.ForCnn(1, 28, [32, 64], 3, [128], FashionMnist.Classes));

    public static BenchModel ByName(string name) => name switch
    {
        "mlp" => Mlp,
        "cnn" => Cnn,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "expected mlp or cnn"),
    };
}
