using System.Runtime.CompilerServices;
namespace Lathe.Models.Trees;

/// <summary>
/// Sorts float keys with their row numbers by least-significant-digit radix sort (3 passes of 11 bits),
/// stable, so equal keys keep their input order. A tree node sorts every candidate feature's values;
/// this is several times faster than a comparison sort there, and passes whose digit is the same for
/// every key (common: pixels with few distinct values, small ranges) are skipped.
/// </summary>
internal static class RadixSort
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int SmallEnough = 256;

    /// <param name="keys">Values to sort (sorted on return).</param>
    /// <param name="items">Moved along with their keys.</param>
    /// <param name="scratch">Working space, at least as long as the keys, and a counts buffer of 3 × 2048.</param>
    // Fully optimized from the first call: a one-shot fit would otherwise run this loop as unoptimized tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(Span<float> keys, Span<int> items, Scratch scratch)
    {
        var n = keys.Length;
        if (n < SmallEnough)
        {
            keys.Sort(items); // introsort: unstable, but equal keys never separate a threshold, so order among them is irrelevant
            return;
        }
        var bits = scratch.Bits.AsSpan(0, n);
        var otherBits = scratch.OtherBits.AsSpan(0, n);
        var otherItems = scratch.OtherItems.AsSpan(0, n);
        var counts = scratch.Counts;
        Array.Clear(counts);
        for (var i = 0; i < n; i++)
        {
            var b = BitConverter.SingleToUInt32Bits(keys[i]);
            var key = (b & 0x8000_0000) != 0 ? ~b : b | 0x8000_0000; // order-preserving: negatives flipped, positives above them
            bits[i] = key;
            counts[key & (Buckets - 1)]++;
            counts[Buckets + ((key >> Bits) & (Buckets - 1))]++;
            counts[2 * Buckets + (key >> (2 * Bits))]++;
        }
        // Each pass scatters from (bits, items) into the other pair; after an odd number of passes the
        // sorted rows sit in the scratch pair and are copied back into the caller's span.
        var callerItems = items;
        var inScratch = false;
        for (var pass = 0; pass < 3; pass++)
        {
            var count = counts.AsSpan(pass * Buckets, Buckets);
            var shift = pass * Bits;
            if (count[(int)((bits[0] >> shift) & (Buckets - 1))] == n) continue; // every key has this digit
            var sum = 0;
            for (var d = 0; d < Buckets; d++) (count[d], sum) = (sum, sum + count[d]);
            for (var i = 0; i < n; i++)
            {
                var digit = (int)((bits[i] >> shift) & (Buckets - 1));
                var at = count[digit]++;
                otherBits[at] = bits[i];
                otherItems[at] = items[i];
            }
            var bitsWere = bits;
            bits = otherBits;
            otherBits = bitsWere;
            var itemsWere = items;
            items = otherItems;
            otherItems = itemsWere;
            inScratch = !inScratch;
        }
        if (inScratch) items.CopyTo(callerItems);
        for (var i = 0; i < n; i++)
        {
            var key = bits[i];
            keys[i] = BitConverter.UInt32BitsToSingle((key & 0x8000_0000) != 0 ? key & 0x7FFF_FFFF : ~key);
        }
    }

    /// <summary>Reusable buffers for one thread's sorts of up to <paramref name="capacity"/> keys.</summary>
    public sealed class Scratch(int capacity)
    {
        public readonly uint[] Bits = new uint[capacity];
        public readonly uint[] OtherBits = new uint[capacity];
        public readonly int[] OtherItems = new int[capacity];
        public readonly int[] Counts = new int[3 * Buckets];
    }
}
