namespace Lathe.Tuning.Samplers;

/// <summary>
/// A random generator for one (seed, trial number, param) triple. Workers in different processes draw the same
/// value for the same trial number, so a study's draws depend on its seed, not on how many workers share it.
/// </summary>
public static class SeededRandom
{
    public static Random For(int seed, int trialNumber, string name)
    {
        var h = 14695981039346656037UL; // FNV-1a: stable across processes, unlike string.GetHashCode
        foreach (var c in name) h = (h ^ c) * 1099511628211UL;
        var x = Mix((ulong)(uint)seed ^ Mix((ulong)trialNumber + 0x9E3779B97F4A7C15UL) ^ Mix(h));
        return new Random((int)(x ^ (x >> 32)) & int.MaxValue);
    }

    /// <summary>SplitMix64's finalizer.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
