using Lathe.Torch.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Tests.Augmentation;

public class TextAugmentationTests
{
    private const long Pad = 9;

    public TextAugmentationTests() => Runtime.TorchRuntime.Initialize();

    private static Tensor Ids() => tensor(new long[] { 1, 2, 3, 4, 5, Pad, Pad, 6, 7, 8, 1, 2 }, [2, 6]);

    [Fact]
    public void Token_dropout_with_p_1_replaces_every_token_but_the_padding_and_p_0_is_the_identity()
    {
        using var ids = Ids();
        using var dropped = TextAugmentations.TokenDropout(ids, 1, unknown: 0, Pad, new Generator(1));
        Assert.Equal([0L, 0, 0, 0, 0, Pad, Pad, 0, 0, 0, 0, 0], dropped.data<long>().ToArray());
        using var same = TextAugmentations.TokenDropout(ids, 0, unknown: 0, Pad, new Generator(1));
        Assert.Equal(ids.data<long>().ToArray(), same.data<long>().ToArray());
    }

    [Fact]
    public void Token_swap_with_p_1_swaps_neighbour_pairs_inside_the_text_only()
    {
        using var ids = Ids();
        using var swapped = TextAugmentations.TokenSwap(ids, 1, Pad, new Generator(1));
        // Row 1: (1 2)(3 4) swap, 5 has padding next to it and stays. Row 2 has padding first: (6 7)(8 1) swap, 2 is last.
        Assert.Equal([2L, 1, 4, 3, 5, Pad, Pad, 7, 6, 1, 8, 2], swapped.data<long>().ToArray());
        using var same = TextAugmentations.TokenSwap(ids, 0, Pad, new Generator(1));
        Assert.Equal(ids.data<long>().ToArray(), same.data<long>().ToArray());
    }
}
