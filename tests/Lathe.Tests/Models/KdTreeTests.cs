using Lathe.Models.Neighbors;

namespace Lathe.Tests.Models;

public class KdTreeTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 5)]
    [InlineData(8, 7)]
    public void Answers_exactly_as_the_brute_force_scan(int width, int k)
    {
        var random = new Random(width);
        // Values on a coarse grid, so many distances tie and the tie rule (earlier row first) is exercised.
        var x = Enumerable.Range(0, 2000 * width).Select(_ => (float)random.Next(10)).ToArray();
        var tree = new KdTree(x, width);
        for (var q = 0; q < 200; q++)
        {
            var query = Enumerable.Range(0, width).Select(_ => (float)(random.NextDouble() * 10)).ToArray();
            if (q % 4 == 0) query = x.AsSpan(q * width, width).ToArray(); // a training row itself
            var (treeIndex, treeDistance) = tree.Nearest(query, k);
            var (scanIndex, scanDistance) = KNearestNeighbors.Nearest(x, width, query, k);
            Assert.Equal(scanIndex, treeIndex);
            Assert.Equal(scanDistance, treeDistance);
        }
    }
}
