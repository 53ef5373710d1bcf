using Lathe.Models.Trees;

namespace Lathe.Tests.Models;

public class TreeRankScanTests
{
    /// <summary>Rows of few distinct values per feature (as pixels or counts), classes made from them with noise.</summary>
    private static (float[] Columns, int[] Classes) Data(int rows, int width, int distinct, int seed)
    {
        var random = new Random(seed);
        var columns = new float[rows * width];
        var classes = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < width; f++) columns[f * rows + r] = random.Next(distinct) * 2f / distinct - 1f;
            var score = columns[r] + 0.5f * columns[rows + r] + (float)random.NextDouble();
            classes[r] = score < -0.5f ? 0 : score < 0.6f ? 1 : 2;
        }
        return (columns, classes);
    }

    [Theory]
    [InlineData(1, 1, 17)]
    [InlineData(2, 5, 17)]
    [InlineData(3, 1, 256)]
    [InlineData(4, 3, 300)] // more than 256 distinct values: no ranks, the sorted scan
    public void Counting_per_rank_grows_the_same_tree_as_sorting(int seed, int minLeaf, int distinct)
    {
        const int rows = 600, width = 6;
        var (columns, classes) = Data(rows, width, distinct, seed);
        var options = new TreeOptions { MinSamplesLeaf = minLeaf };
        var features = Enumerable.Range(0, width).Select(f => $"x{f}").ToList();
        string[] names = ["a", "b", "c"];
        var sorted = new TreeBuilder(columns, width, classes, 3, null, options, seed).Build([.. Enumerable.Range(0, rows)]);
        var ranks = FeatureRanks.Of(columns, width, rows);
        Assert.Equal(distinct <= 256, ranks.RanksOf(0) is not null);
        var counted = new TreeBuilder(columns, width, classes, 3, null, options, seed, ranks: ranks).Build([.. Enumerable.Range(0, rows)]);
        Assert.True(sorted.NodeCount > 20, $"{sorted.NodeCount} nodes");
        Assert.Equal(sorted.ToRules(features, names), counted.ToRules(features, names));
    }
}
