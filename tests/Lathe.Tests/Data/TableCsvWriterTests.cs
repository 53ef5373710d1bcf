using Lathe.Data;

namespace Lathe.Tests.Data;

public class TableCsvWriterTests
{
    [Fact]
    public void A_written_table_reads_back_with_the_same_values_quotes_and_missing_cells()
    {
        using var folder = new TempDirectory();
        var table = new Table([
            new NumericColumn("x", [1.5f, float.NaN, -3e-7f]),
            CategoricalColumn.FromStrings("city, state", ["Portland, OR", null, "say \"hi\""]),
        ]);
        var path = System.IO.Path.Combine(folder.Path, "out.csv");
        TableCsvWriter.Write(table, path);
        var back = CsvReader.Read(path);
        Assert.Equal(["x", "city, state"], back.ColumnNames);
        for (var r = 0; r < 3; r++)
            foreach (var name in back.ColumnNames)
                Assert.Equal(table[name].Format(r), back[name].Format(r));
        Assert.Equal([path], Directory.GetFiles(folder.Path)); // no temporary file left behind
    }
}
