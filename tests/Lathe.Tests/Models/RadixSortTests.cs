using Lathe.Models.Trees;

namespace Lathe.Tests.Models;

public class RadixSortTests
{
    [Theory]
    [InlineData(10)]     // below the radix threshold: comparison sort
    [InlineData(5000)]   // radix passes
    public void Sorts_keys_and_moves_the_items_with_them(int n)
    {
        var random = new Random(3);
        // Negatives, zeros of both signs, repeats, huge and tiny magnitudes.
        float[] pool = [-3.5f, -0f, 0f, 1e-30f, -1e30f, 7f, 7f, 2.25f];
        var original = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? pool[random.Next(pool.Length)] : (float)(random.NextDouble() * 200 - 100)).ToArray();
        var keys = (float[])original.Clone();
        var items = Enumerable.Range(0, n).ToArray();
        RadixSort.Sort(keys, items, new RadixSort.Scratch(n));

        var expected = original.Order().ToArray();
        Assert.Equal(expected, keys);
        Assert.Equal(Enumerable.Range(0, n), items.Order());
        for (var i = 0; i < n; i++) Assert.Equal(original[items[i]], keys[i]);
    }

    [Fact]
    public void Equal_keys_keep_their_order_in_the_radix_passes()
    {
        var keys = Enumerable.Range(0, 1000).Select(i => (float)(i % 4)).ToArray();
        var items = Enumerable.Range(0, 1000).ToArray();
        RadixSort.Sort(keys, items, new RadixSort.Scratch(1000));
        for (var i = 1; i < 1000; i++)
            if (keys[i] == keys[i - 1]) Assert.True(items[i] > items[i - 1]);
    }
}
