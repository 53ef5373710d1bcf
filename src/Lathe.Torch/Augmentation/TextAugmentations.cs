using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Augmentation;

/// <summary>Text augmentations on a batch of token ids shaped [N, L], where <c>padding</c> fills the end of short texts.</summary>
public static class TextAugmentations
{
    /// <summary>Each token that is not padding becomes <paramref name="unknown"/> with probability <paramref name="p"/>.</summary>
    public static Tensor TokenDropout(Tensor ids, double p, long unknown, long padding, Generator generator)
    {
        using var draws = rand(ids.shape, generator: generator);
        using var drop = draws.lt(p).to(ids.device).logical_and(ids.ne(padding));
        using var replacement = full_like(ids, unknown);
        return where(drop, replacement, ids);
    }

    /// <summary>
    /// Walks each text left to right and, with probability <paramref name="p"/>, swaps a token with the
    /// next one when neither is padding; the pair is then skipped, so a token moves at most one place.
    /// </summary>
    public static Tensor TokenSwap(Tensor ids, double p, long padding, Generator generator)
    {
        var (n, length) = (ids.shape[0], ids.shape[1]);
        using var draws = rand(ids.shape, generator: generator);
        var u = draws.data<float>().ToArray();
        using var cpu = ids.cpu();
        var tokens = cpu.data<long>().ToArray();
        for (long r = 0; r < n; r++)
        for (var i = r * length; i < (r + 1) * length - 1; i++)
        {
            if (tokens[i] == padding || tokens[i + 1] == padding || u[i] >= p) continue;
            (tokens[i], tokens[i + 1]) = (tokens[i + 1], tokens[i]);
            i++;
        }
        return tensor(tokens, [n, length]).to(ids.device);
    }
}
