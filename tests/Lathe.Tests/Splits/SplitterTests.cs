using Lathe.Data;
using Lathe.Splits;

namespace Lathe.Tests.Splits;

public class SplitterTests
{
    [Fact]
    public void Holdout_parts_are_disjoint_cover_all_rows_and_repeat_with_the_seed()
    {
        var split = Splitter.Holdout(100, validation: 0.2, test: 0.1, seed: 7);
        Assert.Equal(70, split.Train.Length);
        Assert.Equal(20, split.Validation.Length);
        Assert.Equal(10, split.Test.Length);
        Assert.Equal(Enumerable.Range(0, 100), split.Train.Concat(split.Validation).Concat(split.Test).Order());
        Assert.Equal(split, Splitter.Holdout(100, 0.2, 0.1, 7), new SplitComparer());
        Assert.NotEqual(split.Test, Splitter.Holdout(100, 0.2, 0.1, 8).Test);
    }

    [Fact]
    public void Stratified_keeps_each_class_share_in_every_part()
    {
        var labels = Enumerable.Range(0, 120).Select(i => i < 90 ? "common" : "rare").ToArray();
        var target = CategoricalColumn.FromStrings("y", labels);
        var split = Splitter.Stratified(target, validation: 0.2, test: 0.2, seed: 1);
        int Rare(int[] rows) => rows.Count(r => labels[r] == "rare");
        Assert.Equal(6, Rare(split.Test));
        Assert.Equal(6, Rare(split.Validation));
        Assert.Equal(18, Rare(split.Train));
        Assert.Equal(120, split.Train.Length + split.Validation.Length + split.Test.Length);
    }

    [Fact]
    public void Fractions_that_leave_no_training_rows_are_refused()
    {
        var e = Assert.Throws<LatheException>(() => Splitter.Holdout(10, 0.6, 0.5, 0));
        Assert.Contains("below 1", e.Message);
    }

    private sealed class SplitComparer : IEqualityComparer<DataSplit>
    {
        public bool Equals(DataSplit? a, DataSplit? b) =>
            a!.Train.SequenceEqual(b!.Train) && a.Validation.SequenceEqual(b.Validation) && a.Test.SequenceEqual(b.Test);

        public int GetHashCode(DataSplit s) => s.Train.Length;
    }
}
