namespace Lathe.Torch.Augmentation;

/// <summary>
/// The seed of one augmentation in one batch, from (fit seed, epoch, batch, position in the list): a
/// fixed function, so a resumed run draws exactly what the uninterrupted run drew, with no state to save.
/// </summary>
public static class AugmentationSeed
{
    public static long For(int seed, int epoch, long batch, int index)
    {
        var h = Mix((ulong)(uint)seed);
        h = Mix(h ^ (ulong)(uint)epoch);
        h = Mix(h ^ (ulong)batch);
        h = Mix(h ^ (ulong)(uint)index);
        return (long)(h >> 1); // non-negative: a torch generator seed
    }

    /// <summary>SplitMix64's finalizer: every input bit affects every output bit.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
