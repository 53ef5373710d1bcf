using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>The network a <see cref="CnnSpec"/> describes; takes flattened rows and reshapes them to images.</summary>
public sealed class CnnNet : nn.Module<Tensor, Tensor>
{
    private readonly long[] _image;
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> head;

    public CnnNet(int channels, int height, int width, CnnSpec spec, int outputs) : base(nameof(CnnNet))
    {
        _image = [channels, height, width];
        var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
        var inChannels = channels;
        for (var i = 0; i < spec.Channels.Count; i++)
        {
            blocks.Add(($"conv{i}", nn.Conv2d(inChannels, spec.Channels[i], spec.KernelSize, padding: spec.KernelSize / 2, bias: !spec.BatchNorm)));
            if (spec.BatchNorm) blocks.Add(($"norm{i}", nn.BatchNorm2d(spec.Channels[i])));
            blocks.Add(($"relu{i}", nn.ReLU()));
            blocks.Add(($"pool{i}", nn.MaxPool2d(2)));
            inChannels = spec.Channels[i];
            height /= 2;
            width /= 2;
        }
        features = nn.Sequential(blocks);

        var layers = new List<(string, nn.Module<Tensor, Tensor>)> { ("flatten", nn.Flatten()) };
        var inputs = inChannels * height * width;
        for (var i = 0; i < spec.Hidden.Count; i++)
        {
            if (spec.Dropout > 0) layers.Add(($"dropout{i}", nn.Dropout(spec.Dropout)));
            layers.Add(($"linear{i}", nn.Linear(inputs, spec.Hidden[i])));
            layers.Add(($"relu{i}", nn.ReLU()));
            inputs = spec.Hidden[i];
        }
        if (spec.Dropout > 0) layers.Add(("dropout_out", nn.Dropout(spec.Dropout)));
        layers.Add(("output", nn.Linear(inputs, outputs)));
        head = nn.Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) =>
        head.forward(features.forward(input.view([input.shape[0], .. _image])));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            features.Dispose();
            head.Dispose();
        }
        base.Dispose(disposing);
    }
}
