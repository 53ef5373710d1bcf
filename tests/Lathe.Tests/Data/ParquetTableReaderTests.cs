using Lathe.Data;
using Parquet;
using Parquet.Schema;

namespace Lathe.Tests.Data;

public class ParquetTableReaderTests
{
    private static async Task WriteAsync(string path, ParquetSchema schema, params Func<ParquetRowGroupWriter, Task>[] rowGroups)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        foreach (var group in rowGroups)
        {
            using var rowGroup = writer.CreateRowGroup();
            await group(rowGroup);
        }
    }

    [Fact]
    public async Task Numbers_booleans_and_strings_from_every_row_group_become_typed_columns()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "d.parquet");
        var i = new DataField<int>("i");
        var d = new DataField<double>("d", nullable: true);
        var m = new DataField<decimal>("m");
        var b = new DataField<bool>("b");
        var s = new DataField<string>("s", nullable: true);
        await WriteAsync(path, new ParquetSchema(i, d, m, b, s),
            async g =>
            {
                await g.WriteAsync<int>(i, new[] { 1, 2 });
                await g.WriteAsync<double>(d, new double?[] { 0.5, null });
                await g.WriteAsync<decimal>(m, new[] { 1.25m, 2.5m });
                await g.WriteAsync<bool>(b, new[] { true, false });
                await g.WriteAsync(s, new[] { "red", null! });
            },
            async g =>
            {
                await g.WriteAsync<int>(i, new[] { 3 });
                await g.WriteAsync<double>(d, new double?[] { -4 });
                await g.WriteAsync<decimal>(m, new[] { 3.75m });
                await g.WriteAsync<bool>(b, new[] { true });
                await g.WriteAsync(s, new[] { "blue" });
            });

        var table = ParquetTableReader.Read(path);

        Assert.Equal(3, table.RowCount);
        Assert.Equal([1f, 2f, 3f], ((NumericColumn)table["i"]).Values.ToArray());
        var dv = (NumericColumn)table["d"];
        Assert.Equal(0.5f, dv[0]);
        Assert.True(dv.IsMissing(1));
        Assert.Equal(-4f, dv[2]);
        Assert.Equal([1.25f, 2.5f, 3.75f], ((NumericColumn)table["m"]).Values.ToArray());
        Assert.Equal([1f, 0f, 1f], ((NumericColumn)table["b"]).Values.ToArray());
        var sv = Assert.IsType<CategoricalColumn>(table["s"]);
        Assert.Equal(["red", "blue"], sv.Categories);
        Assert.True(sv.IsMissing(1));
        Assert.Equal(["i", "d", "m", "b", "s"], table.ColumnNames);
    }

    [Fact]
    public async Task Strings_follow_the_csv_rule_many_distinct_values_are_text_and_overrides_apply()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "t.parquet");
        var note = new DataField<string>("note");
        var code = new DataField<int>("code");
        await WriteAsync(path, new ParquetSchema(note, code), async g =>
        {
            await g.WriteAsync(note, Enumerable.Range(0, 200).Select(k => $"note number {k}").ToArray());
            await g.WriteAsync<int>(code, Enumerable.Range(0, 200).Select(k => k % 3).ToArray());
        });

        var inferred = ParquetTableReader.Read(path);
        Assert.IsType<TextColumn>(inferred["note"]);
        Assert.IsType<NumericColumn>(inferred["code"]);

        var overridden = ParquetTableReader.Read(path, new ParquetReadOptions
        {
            ColumnKinds = new Dictionary<string, ColumnKind> { ["code"] = ColumnKind.Categorical, ["note"] = ColumnKind.Categorical },
        });
        var codes = Assert.IsType<CategoricalColumn>(overridden["code"]);
        Assert.Equal(["0", "1", "2"], codes.Categories);
        Assert.Equal(200, Assert.IsType<CategoricalColumn>(overridden["note"]).Categories.Count);
    }

    [Fact]
    public async Task A_string_column_declared_numeric_names_the_row_that_is_not_a_number()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "n.parquet");
        var price = new DataField<string>("price");
        await WriteAsync(path, new ParquetSchema(price), g => g.WriteAsync(price, new[] { "1.5", "2", "x9" }));
        var options = new ParquetReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["price"] = ColumnKind.Numeric } };
        var e = Assert.Throws<LatheException>(() => ParquetTableReader.Read(path, options));
        Assert.Equal(ErrorKind.Data, e.Kind);
        Assert.Contains($"{path}: row 3", e.Message);
        Assert.Contains("'x9'", e.Message);
    }

    [Fact]
    public async Task A_list_column_is_refused_by_name()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "l.parquet");
        await WriteAsync(path, new ParquetSchema(new DataField<int>("id"), new ListField("tags", new DataField<int>("element"))));
        var e = Assert.Throws<LatheException>(() => ParquetTableReader.Read(path));
        Assert.Equal(ErrorKind.Data, e.Kind);
        Assert.Contains($"{path}: column 'tags' is a list", e.Message);
    }

    [Fact]
    public async Task A_date_column_is_refused_with_what_to_do()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "t.parquet");
        var when = new DataField<DateTime>("when");
        await WriteAsync(path, new ParquetSchema(when), g => g.WriteAsync<DateTime>(when, new[] { DateTime.UnixEpoch }));
        var e = Assert.Throws<LatheException>(() => ParquetTableReader.Read(path));
        Assert.Contains("column 'when' holds DateTime values", e.Message);
        Assert.Contains("Convert it", e.Message);
    }

    [Fact]
    public async Task A_value_too_large_for_float32_is_an_error_not_infinity()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "big.parquet");
        var x = new DataField<double>("x");
        await WriteAsync(path, new ParquetSchema(x), g => g.WriteAsync<double>(x, new[] { 1.0, 1e300 }));
        var e = Assert.Throws<LatheException>(() => ParquetTableReader.Read(path));
        Assert.Contains("row 2, column 'x'", e.Message);
    }

    [Fact]
    public async Task A_truncated_or_foreign_file_is_reported_with_its_name()
    {
        using var dir = new TempDirectory();
        var good = Path.Combine(dir.Path, "good.parquet");
        var x = new DataField<double>("x");
        await WriteAsync(good, new ParquetSchema(x), g => g.WriteAsync<double>(x, Enumerable.Range(0, 100).Select(k => (double)k).ToArray()));
        var bytes = File.ReadAllBytes(good);
        var truncated = Path.Combine(dir.Path, "truncated.parquet");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var foreign = dir.File("foreign.parquet", "a,b\n1,2\n");

        foreach (var path in new[] { truncated, foreign })
        {
            var e = Assert.Throws<LatheException>(() => ParquetTableReader.Read(path));
            Assert.Equal(ErrorKind.Data, e.Kind);
            Assert.StartsWith($"{path}: not a readable Parquet file", e.Message);
        }
    }

    [Fact]
    public async Task A_file_without_rows_and_an_unknown_override_are_errors()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "empty.parquet");
        await WriteAsync(path, new ParquetSchema(new DataField<int>("a")));
        Assert.Contains("no rows", Assert.Throws<LatheException>(() => ParquetTableReader.Read(path)).Message);

        var options = new ParquetReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["b"] = ColumnKind.Numeric } };
        var e = Assert.Throws<LatheException>(() => ParquetTableReader.Read(path, options));
        Assert.Equal(ErrorKind.Config, e.Kind);
        Assert.Contains("column 'b'", e.Message);
    }
}

public class ParquetTableReaderDuplicateTests
{
    [Fact]
    public async Task A_column_name_that_appears_twice_is_refused()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "dup.parquet");
        var first = new DataField<int>("a");
        var second = new DataField<int>("a");
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(first, second), stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(first, new[] { 1 });
            await group.WriteAsync<int>(second, new[] { 2 });
        }
        var e = Assert.Throws<LatheException>(() => ParquetTableReader.Read(path));
        Assert.Equal(ErrorKind.Data, e.Kind);
        Assert.Contains($"{path}: column name 'a' appears twice", e.Message);
    }
}
