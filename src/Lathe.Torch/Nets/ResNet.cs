using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>The network a <see cref="ResNetSpec"/> describes; takes flattened rows and reshapes them to images.</summary>
public sealed class ResNet : nn.Module<Tensor, Tensor>
{
    private readonly long[] _image;
    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly ModuleList<ResidualBlock> blocks;
    private readonly Linear output;

    public ResNet(int channels, int height, int width, ResNetSpec spec, int outputs) : base(nameof(ResNet))
    {
        _image = [channels, height, width];
        stem = nn.Sequential(
            ("conv", nn.Conv2d(channels, spec.Widths[0], 3, padding: 1, bias: false)),
            ("norm", nn.BatchNorm2d(spec.Widths[0])),
            ("relu", nn.ReLU()));
        var list = new List<ResidualBlock>();
        var inWidth = spec.Widths[0];
        for (var stage = 0; stage < spec.Widths.Count; stage++)
            for (var b = 0; b < spec.BlocksPerStage; b++)
            {
                list.Add(new ResidualBlock(inWidth, spec.Widths[stage], stride: stage > 0 && b == 0 ? 2 : 1));
                inWidth = spec.Widths[stage];
            }
        blocks = nn.ModuleList([.. list]);
        output = nn.Linear(inWidth, outputs);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = stem.forward(input.view([input.shape[0], .. _image]));
        foreach (var block in blocks) x = block.forward(x);
        return output.forward(x.mean([2, 3]));
    }
}

/// <summary>Two 3×3 convolutions with batch norm, added to the input (through a 1×1 projection when the shape changes).</summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> body;
    private readonly nn.Module<Tensor, Tensor>? shortcut;

    public ResidualBlock(int inWidth, int outWidth, int stride) : base(nameof(ResidualBlock))
    {
        body = nn.Sequential(
            ("conv1", nn.Conv2d(inWidth, outWidth, 3, stride: stride, padding: 1, bias: false)),
            ("norm1", nn.BatchNorm2d(outWidth)),
            ("relu1", nn.ReLU()),
            ("conv2", nn.Conv2d(outWidth, outWidth, 3, padding: 1, bias: false)),
            ("norm2", nn.BatchNorm2d(outWidth)));
        if (stride != 1 || inWidth != outWidth)
            shortcut = nn.Sequential(("conv", nn.Conv2d(inWidth, outWidth, 1, stride: stride, bias: false)), ("norm", nn.BatchNorm2d(outWidth)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => nn.functional.relu(body.forward(x) + (shortcut?.forward(x) ?? x));
}
