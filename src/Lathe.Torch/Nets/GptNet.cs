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
    private readonly ModuleList<GptBlock> blocks;
    private readonly LayerNorm norm;
    private readonly Linear output;
    private readonly int _context;

    public GptNet(GptSpec spec, int vocabulary) : base(nameof(GptNet))
    {
        _context = spec.Context;
        tokens = nn.Embedding(vocabulary, spec.Dim);
        positions = nn.Embedding(spec.Context, spec.Dim);
        dropout = nn.Dropout(spec.Dropout);
        blocks = nn.ModuleList([.. Enumerable.Range(0, spec.Layers).Select(_ => new GptBlock(spec.Dim, spec.Heads, spec.Dropout))]);
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

/// <summary>One pre-norm Transformer block: x + attention(norm(x)), then x + feedforward(norm(x)).</summary>
public sealed class GptBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly LayerNorm norm2;
    private readonly Linear qkv;
    private readonly Linear projection;
    private readonly nn.Module<Tensor, Tensor> feedforward;
    private readonly nn.Module<Tensor, Tensor> dropout;
    private readonly int _heads;
    private readonly double _attentionDropout;

    public GptBlock(int dim, int heads, double dropoutRate) : base(nameof(GptBlock))
    {
        _heads = heads;
        _attentionDropout = dropoutRate;
        norm1 = nn.LayerNorm(dim);
        norm2 = nn.LayerNorm(dim);
        qkv = nn.Linear(dim, 3 * dim);
        projection = nn.Linear(dim, dim);
        feedforward = nn.Sequential(("expand", nn.Linear(dim, 4 * dim)), ("gelu", nn.GELU()), ("contract", nn.Linear(4 * dim, dim)), ("dropout", nn.Dropout(dropoutRate)));
        dropout = nn.Dropout(dropoutRate);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var (batch, time, dim) = (x.shape[0], x.shape[1], x.shape[2]);
        var parts = qkv.forward(norm1.forward(x)).view(batch, time, 3, _heads, dim / _heads).permute(2, 0, 3, 1, 4);
        var attended = nn.functional.scaled_dot_product_attention(parts[0], parts[1], parts[2],
            p: training ? _attentionDropout : 0, is_casual: true);
        x = x + dropout.forward(projection.forward(attended.transpose(1, 2).reshape(batch, time, dim)));
        return x + feedforward.forward(norm2.forward(x));
    }
}
