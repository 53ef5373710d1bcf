using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lathe.Torch.Nets;

/// <summary>The network a <see cref="TextEncoderSpec"/> describes: character ids [batch, length] (padded with the padding id) → outputs.</summary>
public sealed class TextEncoderNet : nn.Module<Tensor, Tensor>
{
    private readonly string _encoder;
    private readonly long _padding;
    private readonly Embedding embedding;
    private readonly Embedding? positions;
    private readonly LSTM? lstm;
    private readonly GRU? gru;
    private readonly Conv1d? convolution;
    private readonly ModuleList<TransformerBlock>? blocks;
    private readonly nn.Module<Tensor, Tensor> dropout;
    private readonly Linear output;

    public TextEncoderNet(TextEncoderSpec spec, int symbols, int outputs) : base(nameof(TextEncoderNet))
    {
        _encoder = spec.Encoder;
        _padding = symbols;
        embedding = nn.Embedding(symbols + 1, spec.Dim, padding_idx: symbols);
        var width = spec.Hidden;
        var between = spec.Layers > 1 ? spec.Dropout : 0;
        switch (spec.Encoder)
        {
            case "lstm": lstm = nn.LSTM(spec.Dim, spec.Hidden, spec.Layers, batchFirst: true, dropout: between); break;
            case "gru": gru = nn.GRU(spec.Dim, spec.Hidden, spec.Layers, batchFirst: true, dropout: between); break;
            case "cnn1d": convolution = nn.Conv1d(spec.Dim, spec.Hidden, 5, padding: 2); break;
            default:
                positions = nn.Embedding(spec.MaxLength, spec.Dim);
                blocks = nn.ModuleList([.. Enumerable.Range(0, spec.Layers).Select(_ => new TransformerBlock(spec.Dim, spec.Heads, spec.Dropout, causal: false))]);
                width = spec.Dim;
                break;
        }
        dropout = nn.Dropout(spec.Dropout);
        output = nn.Linear(width, outputs);
        RegisterComponents();
    }

    public override Tensor forward(Tensor ids)
    {
        var real = ids.ne(_padding);                                   // [B, L]
        var x = embedding.forward(ids);                                // [B, L, D]
        Tensor encoded;
        switch (_encoder)
        {
            case "lstm":
            case "gru":
                var sequence = lstm is not null ? lstm.forward(x).Item1 : gru!.forward(x).Item1;   // [B, L, H]
                var last = real.sum(1).sub(1).clamp_min(0);                                        // index of the last real character
                encoded = sequence[arange(ids.shape[0], device: ids.device), last];
                break;
            case "cnn1d":
                var features = nn.functional.relu(convolution!.forward(x.transpose(1, 2)));      // [B, H, L]
                encoded = features.masked_fill(real.logical_not().unsqueeze(1), double.NegativeInfinity).amax([2]);
                break;
            default:
                x = x + positions!.forward(arange(ids.shape[1], device: ids.device));
                var mask = real.unsqueeze(1).unsqueeze(1);                                          // [B, 1, 1, L]: attend to real characters
                foreach (var block in blocks!) x = block.Forward(x, mask);
                var weights = real.unsqueeze(2).to_type(x.dtype);
                encoded = (x * weights).sum(1) / weights.sum(1).clamp_min(1);
                break;
        }
        return output.forward(dropout.forward(encoded));
    }
}
