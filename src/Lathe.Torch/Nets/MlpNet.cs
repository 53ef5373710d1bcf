using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>A multilayer perceptron: Linear → ReLU → Dropout per hidden layer, then a linear output layer.</summary>
public sealed class MlpNet : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> layers;

    public MlpNet(int inputs, IReadOnlyList<int> hidden, int outputs, double dropout) : base(nameof(MlpNet))
    {
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = inputs;
        for (var i = 0; i < hidden.Count; i++)
        {
            modules.Add(($"linear{i}", nn.Linear(width, hidden[i])));
            modules.Add(($"relu{i}", nn.ReLU()));
            if (dropout > 0) modules.Add(($"dropout{i}", nn.Dropout(dropout)));
            width = hidden[i];
        }
        modules.Add(("output", nn.Linear(width, outputs)));
        layers = nn.Sequential(modules);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => layers.forward(input);

    protected override void Dispose(bool disposing)
    {
        if (disposing) layers.Dispose();
        base.Dispose(disposing);
    }
}
