using Lathe.Data;

namespace Lathe.Tests.Data;

public class TableTests
{
    private static Table Sample() => new([
        new NumericColumn("x", [1, 2, 3, 4]),
        CategoricalColumn.FromStrings("c", ["a", "b", null, "a"]),
        new VectorColumn("v", [1, 1, 2, 2, 3, 3, 4, 4], [2]),
    ]);

    [Fact]
    public void Take_selects_rows_in_the_given_order_across_all_column_kinds()
    {
        var taken = Sample().Take([3, 0]);
        Assert.Equal(2, taken.RowCount);
        Assert.Equal(4f, ((NumericColumn)taken["x"])[0]);
        Assert.Equal("a", taken["c"].Format(0));
        Assert.Equal(new float[] { 1, 1 }, ((VectorColumn)taken["v"]).Row(1).ToArray());
    }

    [Fact]
    public void Roles_default_to_feature_and_survive_slicing()
    {
        var table = Sample().WithRole("c", ColumnRole.Target);
        Assert.Equal(["x", "v"], table.FeatureNames);
        Assert.Equal(ColumnRole.Target, table.Take([1]).RoleOf("c"));
    }

    [Fact]
    public void Columns_of_different_lengths_or_duplicate_names_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new Table([new NumericColumn("a", [1]), new NumericColumn("b", [1, 2])]));
        Assert.Throws<ArgumentException>(() => new Table([new NumericColumn("a", [1]), new NumericColumn("a", [2])]));
    }

    [Fact]
    public void Asking_for_an_absent_column_lists_the_columns()
    {
        var e = Assert.Throws<LatheException>(() => Sample()["nope"]);
        Assert.Contains("x, c, v", e.Message);
    }

    [Fact]
    public void Categorical_codes_can_be_remapped_to_another_category_list()
    {
        var column = CategoricalColumn.FromStrings("c", ["b", "z", null, "a"]);
        Assert.Equal([1, -1, -1, 0], column.CodesIn(["a", "b"]));
    }
}
