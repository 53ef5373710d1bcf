using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>The network a <see cref="GptSpec"/> describes: token ids [batch, time] → next-token logits [batch, time, vocabulary].</summary>
public sealed class GptNet : nn.Module<Tensor, Tensor>
{
    private readonly Embedding tokens;
    private readonly Embedding positions;
    private readonly nn.Module<Tensor, Tensor> dropout;
    private readonly ModuleList<TransformerBlock> blocks;
    private readonly LayerNorm norm;
    private readonly Linear output;
    private readonly int _context;

    public GptNet(GptSpec spec, int vocabulary) : base(nameof(GptNet))
    {
        _context = spec.Context;
        tokens = nn.Embedding(vocabulary, spec.Dim);
        positions = nn.Embedding(spec.Context, spec.Dim);
        dropout = nn.Dropout(spec.Dropout);
        blocks = nn.ModuleList([.. Enumerable.Range(0, spec.Layers).Select(_ => new TransformerBlock(spec.Dim, spec.Heads, spec.Dropout, causal: true))]);
        norm = nn.LayerNorm(spec.Dim);
        output = nn.Linear(spec.Dim, vocabulary);
        RegisterComponents();
    }

    public int Context => _context;

    public override Tensor forward(Tensor ids)
    {
        var time = ids.shape[1];
        if (time > _context) throw new ArgumentException($"At most {_context} tokens fit the context; got {time}.");
        using var where = arange(time, device: ids.device);
        var x = dropout.forward(tokens.forward(ids) + positions.forward(where));
        foreach (var block in blocks) x = block.forward(x);
        return output.forward(norm.forward(x));
    }
}
