using Lathe.Cleaning;
using Lathe.Data;

namespace Lathe.Tests.Cleaning;

public class RowCleanerTests
{
    private static string Write(TempDirectory dir, string text) => dir.File("messy.csv", text);

    /// <summary>Reads a CSV the way a config does: the log keeps line numbers and, for drop/impute, invalid cells.</summary>
    private static RowCleaning ReadAndClean(string path, CleaningOptions options, string? target = "y")
    {
        var log = new CsvReadLog(keepInvalidCells: options.Invalid != InvalidPolicy.Error);
        var table = CsvReader.Read(path, new CsvReadOptions { Log = log });
        return RowCleaner.Clean(table, options, new RowOrigin("messy.csv", log.RowLines, log.InvalidCells), target);
    }

    private const string Messy = """
        x,c,y
        1,a,0
        2,b,1
        1,a,0
        inf,a,1
        ,b,0
        3,,1
        4,a,1
        """;

    [Fact]
    public void The_error_policy_keeps_the_reader_s_message_with_file_and_line()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<LatheException>(() => ReadAndClean(Write(dir, Messy), new CleaningOptions()));
        Assert.Contains("messy.csv:5: column 'x' (field 1) holds an infinite value 'inf'", e.Message);
    }

    [Fact]
    public void Drop_removes_invalid_rows_duplicates_and_rows_with_gaps_and_lists_each_with_its_line_and_reason()
    {
        using var dir = new TempDirectory();
        var cleaned = ReadAndClean(Write(dir, Messy), new CleaningOptions
        {
            Invalid = InvalidPolicy.Drop, Duplicates = DuplicatePolicy.Drop, Missing = MissingPolicy.Drop,
        });
        Assert.Equal(7, cleaned.RowsRead);
        Assert.Equal([0, 1, 6], cleaned.KeptRows);
        Assert.Equal(3, cleaned.Table.RowCount);
        Assert.Equal(1, cleaned.Duplicates);
        Assert.Equal(new ColumnFindings(1, 1), cleaned.Columns["x"]);
        Assert.Equal(new ColumnFindings(1, 0), cleaned.Columns["c"]);
        Assert.Equal(
            ["4: duplicate of line 2", "5: invalid value 'inf' in 'x'", "6: missing value in 'x'", "7: missing value in 'c'"],
            cleaned.Dropped.Select(d => $"{d.Line}: {d.Reason}"));
        Assert.Equal([DropKind.Duplicate, DropKind.Invalid, DropKind.Missing, DropKind.Missing], cleaned.Dropped.Select(d => d.Kind));
    }

    [Fact]
    public void Impute_turns_invalid_cells_into_gaps_and_keep_counts_duplicates_without_dropping()
    {
        using var dir = new TempDirectory();
        // 10 values in x, 9 of them numbers: a numeric column with a typo (1O) and an infinite value.
        var cleaned = ReadAndClean(Write(dir, Messy + "\n5,a,1\n6,b,0\n7,a,1\n1O,b,1\n"), new CleaningOptions { Invalid = InvalidPolicy.Impute });
        Assert.Equal(11, cleaned.Table.RowCount);
        Assert.Empty(cleaned.Dropped);
        Assert.Equal(1, cleaned.Duplicates);
        var x = (NumericColumn)cleaned.Table["x"];
        Assert.True(float.IsNaN(x[3]) && float.IsNaN(x[10]));
        Assert.Equal(new ColumnFindings(1, 2), cleaned.Columns["x"]); // inf and the typo 1O
    }

    [Fact]
    public void An_invalid_target_cell_drops_its_row_even_when_features_are_imputed()
    {
        using var dir = new TempDirectory();
        var rows = string.Join("\n", Enumerable.Range(0, 12).Select(i => $"{i},{(i == 4 ? "oops" : (i * 2).ToString())}"));
        var cleaned = ReadAndClean(Write(dir, "x,y\n" + rows + "\n"), new CleaningOptions { Invalid = InvalidPolicy.Impute });
        Assert.Equal(11, cleaned.Table.RowCount);
        Assert.Equal("invalid value 'oops' in 'y'", Assert.Single(cleaned.Dropped).Reason);
    }

    [Fact]
    public void A_missing_target_is_an_error_naming_the_line_unless_missing_rows_are_dropped()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, "x,y\n1,a\n2,\n3,b\n");
        Assert.Contains("messy.csv:3: no value in the target column 'y'", Assert.Throws<LatheException>(() => ReadAndClean(path, new CleaningOptions())).Message);
        Assert.Equal(2, ReadAndClean(path, new CleaningOptions { Missing = MissingPolicy.Drop }).Table.RowCount);
    }

    [Fact]
    public void Ignored_columns_are_not_compared_for_duplicates_and_infinite_values_from_any_reader_are_invalid()
    {
        var table = new Table([
            new NumericColumn("id", [1, 2, 3]),
            new NumericColumn("x", [5, 5, float.PositiveInfinity]),
        ]).WithRole("id", ColumnRole.Ignore);
        var origin = new RowOrigin("table");
        var cleaned = RowCleaner.Clean(table, new CleaningOptions { Duplicates = DuplicatePolicy.Drop, Invalid = InvalidPolicy.Drop }, origin);
        Assert.Equal([0], cleaned.KeptRows);
        Assert.Equal(["duplicate of row 1", "invalid value 'inf' in 'x'"], cleaned.Dropped.Select(d => d.Reason));
        Assert.Contains("table, row 3: column 'x' is numeric but holds 'inf'",
            Assert.Throws<LatheException>(() => RowCleaner.Clean(table, new CleaningOptions(), origin)).Message);
    }
}
