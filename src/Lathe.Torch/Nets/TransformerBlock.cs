using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>
/// One pre-norm Transformer block: x + attention(norm(x)), then x + feedforward(norm(x)) with a 4× GELU
/// layer. Causal blocks (GPT) let each position attend only to earlier ones; others (encoders) attend
/// everywhere the optional mask allows (padding masked out).
/// </summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly LayerNorm norm2;
    private readonly Linear qkv;
    private readonly Linear projection;
    private readonly nn.Module<Tensor, Tensor> feedforward;
    private readonly nn.Module<Tensor, Tensor> dropout;
    private readonly int _heads;
    private readonly double _attentionDropout;
    private readonly bool _causal;

    public TransformerBlock(int dim, int heads, double dropoutRate, bool causal) : base(nameof(TransformerBlock))
    {
        (_heads, _attentionDropout, _causal) = (heads, dropoutRate, causal);
        norm1 = nn.LayerNorm(dim);
        norm2 = nn.LayerNorm(dim);
        qkv = nn.Linear(dim, 3 * dim);
        projection = nn.Linear(dim, dim);
        feedforward = nn.Sequential(("expand", nn.Linear(dim, 4 * dim)), ("gelu", nn.GELU()), ("contract", nn.Linear(4 * dim, dim)), ("dropout", nn.Dropout(dropoutRate)));
        dropout = nn.Dropout(dropoutRate);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => Forward(x, null);

    /// <param name="mask">Boolean [batch, 1, 1, time]: true where attention may look (non-causal blocks).</param>
    public Tensor Forward(Tensor x, Tensor? mask)
    {
        var (batch, time, dim) = (x.shape[0], x.shape[1], x.shape[2]);
        var parts = qkv.forward(norm1.forward(x)).view(batch, time, 3, _heads, dim / _heads).permute(2, 0, 3, 1, 4);
        var attended = nn.functional.scaled_dot_product_attention(parts[0], parts[1], parts[2],
            attn_mask: _causal ? null : mask, p: training ? _attentionDropout : 0, is_casual: _causal);
        x = x + dropout.forward(projection.forward(attended.transpose(1, 2).reshape(batch, time, dim)));
        return x + feedforward.forward(norm2.forward(x));
    }
}
