using Lathe.Data;
using Lathe.Splits;

namespace Lathe.Tests.Splits;

public class GroupAndTimeSplitTests
{
    /// <summary>40 groups of 1 to 8 rows each, interleaved in row order.</summary>
    private static CategoricalColumn Groups(out string[] labels)
    {
        var random = new Random(5);
        var list = new List<string>();
        for (var g = 0; g < 40; g++) list.AddRange(Enumerable.Repeat($"user{g}", 1 + random.Next(8)));
        labels = [.. list.OrderBy(_ => random.Next())];
        return CategoricalColumn.FromStrings("user", labels);
    }

    [Fact]
    public void Group_split_puts_every_group_in_one_part_with_sizes_close_to_the_shares()
    {
        var groups = Groups(out var labels);
        var split = Splitter.Group(groups, validation: 0.2, test: 0.2, seed: 3);
        var n = labels.Length;
        Assert.Equal(Enumerable.Range(0, n), split.Train.Concat(split.Validation).Concat(split.Test).Order());
        var parts = new[] { split.Train, split.Validation, split.Test }.Select(p => p.Select(r => labels[r]).ToHashSet()).ToArray();
        Assert.Empty(parts[0].Intersect(parts[1]));
        Assert.Empty(parts[0].Intersect(parts[2]));
        Assert.Empty(parts[1].Intersect(parts[2]));
        // Within one group's size (at most 8 rows) of each share.
        Assert.InRange(split.Test.Length, n * 0.2 - 8, n * 0.2 + 8);
        Assert.InRange(split.Validation.Length, n * 0.2 - 8, n * 0.2 + 8);
    }

    [Fact]
    public void Group_split_repeats_with_the_seed_and_its_fingerprint_changes_with_the_split()
    {
        var groups = Groups(out _);
        var a = Splitter.Group(groups, 0.2, 0.2, seed: 3);
        var b = Splitter.Group(groups, 0.2, 0.2, seed: 3);
        var c = Splitter.Group(groups, 0.2, 0.2, seed: 4);
        Assert.Equal(a.Test, b.Test);
        Assert.Equal(SplitFingerprint.Of(a.Test), SplitFingerprint.Of(b.Test));
        Assert.NotEqual(a.Test, c.Test);
        Assert.NotEqual(SplitFingerprint.Of(a.Test), SplitFingerprint.Of(c.Test));
        Assert.Equal(64, SplitFingerprint.Of(a.Test).Length);
        // The fingerprint is of the set of rows: order does not matter.
        Assert.Equal(SplitFingerprint.Of([3, 1, 2]), SplitFingerprint.Of([1, 2, 3]));
    }

    [Fact]
    public void Group_split_of_a_single_group_or_a_row_without_group_is_refused()
    {
        Assert.Contains("single group", Assert.Throws<LatheException>(() =>
            Splitter.Group(CategoricalColumn.FromStrings("g", ["a", "a", "a"]), 0.2, 0.2, 1)).Message);
        Assert.Contains("row 2 has no value", Assert.Throws<LatheException>(() =>
            Splitter.Group(CategoricalColumn.FromStrings("g", ["a", null, "b"]), 0.2, 0.2, 1)).Message);
    }

    [Fact]
    public void Group_k_fold_holds_out_every_row_once_and_never_splits_a_group()
    {
        var groups = Groups(out var labels);
        var folds = KFold.Group(groups, 5, seed: 2);
        Assert.Equal(Enumerable.Range(0, labels.Length), folds.SelectMany(f => f.Validation).Order());
        foreach (var fold in folds)
            Assert.Empty(fold.Train.Select(r => labels[r]).ToHashSet().Intersect(fold.Validation.Select(r => labels[r])));
        var sizes = folds.Select(f => f.Validation.Length).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 8, string.Join(",", sizes));
        Assert.Contains("only 40 groups", Assert.Throws<LatheException>(() => KFold.Group(groups, 41, 2)).Message);
    }

    [Fact]
    public void Time_split_trains_only_on_rows_before_every_validation_and_test_row()
    {
        var random = new Random(9);
        var times = Enumerable.Range(0, 200).Select(_ => (double)random.Next(60)).ToArray(); // many ties
        var split = Splitter.Time(times, validation: 0.15, test: 0.15);
        Assert.Equal(Enumerable.Range(0, 200), split.Train.Concat(split.Validation).Concat(split.Test).Order());
        var latestTrain = split.Train.Max(r => times[r]);
        Assert.True(split.Validation.All(r => times[r] > latestTrain));
        Assert.True(split.Test.All(r => times[r] > latestTrain));
        Assert.True(split.Test.All(r => times[r] > split.Validation.Max(v => times[v])));
        Assert.InRange(split.Test.Length, 20, 40);
        Assert.InRange(split.Validation.Length, 20, 40);
    }

    [Fact]
    public void Time_split_without_ties_takes_exactly_the_last_rows()
    {
        double[] times = [.. Enumerable.Range(0, 10).Select(i => (double)(10 - i))]; // row 0 is the latest
        var split = Splitter.Time(times, validation: 0.2, test: 0.2);
        Assert.Equal([0, 1], split.Test);
        Assert.Equal([2, 3], split.Validation);
        Assert.Equal([4, 5, 6, 7, 8, 9], split.Train);
        Assert.Contains("no time", Assert.Throws<LatheException>(() => Splitter.Time([1, double.NaN, 3], 0.2, 0.2)).Message);
    }
}
