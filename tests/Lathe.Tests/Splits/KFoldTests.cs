using Lathe.Data;
using Lathe.Splits;

namespace Lathe.Tests.Splits;

public class KFoldTests
{
    [Fact]
    public void Every_row_is_held_out_exactly_once_in_folds_of_nearly_equal_size()
    {
        var splits = KFold.Plain(103, 5, seed: 3);
        Assert.Equal(5, splits.Count);
        Assert.Equal(Enumerable.Range(0, 103), splits.SelectMany(s => s.Validation).Order());
        Assert.All(splits, s => Assert.InRange(s.Validation.Length, 20, 21));
        Assert.All(splits, s => Assert.Equal(103, s.Train.Length + s.Validation.Length));
        Assert.All(splits, s => Assert.Empty(s.Train.Intersect(s.Validation)));
        Assert.Equal(splits.Select(s => s.Validation), KFold.Plain(103, 5, seed: 3).Select(s => s.Validation));
        Assert.NotEqual(splits[0].Validation, KFold.Plain(103, 5, seed: 4)[0].Validation);
    }

    [Fact]
    public void Stratified_folds_keep_the_class_shares()
    {
        // 60 a, 30 b, 10 c: each of 5 folds holds 12 a, 6 b, 2 c.
        var labels = Enumerable.Range(0, 100).Select(i => (string?)(i < 60 ? "a" : i < 90 ? "b" : "c")).ToArray();
        var target = CategoricalColumn.FromStrings("y", labels, ["a", "b", "c"]);
        var splits = KFold.Stratified(target, 5, seed: 1);
        Assert.Equal(Enumerable.Range(0, 100), splits.SelectMany(s => s.Validation).Order());
        foreach (var split in splits)
        {
            var counts = split.Validation.GroupBy(r => labels[r]).ToDictionary(g => g.Key!, g => g.Count());
            Assert.Equal(12, counts["a"]);
            Assert.Equal(6, counts["b"]);
            Assert.Equal(2, counts["c"]);
        }
    }

    [Fact]
    public void Too_few_folds_or_rows_are_clear_errors()
    {
        Assert.Contains("at least 2", Assert.Throws<LatheException>(() => KFold.Plain(10, 1, 0)).Message);
        Assert.Contains("only 3 rows", Assert.Throws<LatheException>(() => KFold.Plain(3, 5, 0)).Message);
    }
}
