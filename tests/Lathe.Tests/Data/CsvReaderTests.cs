using Lathe.Data;

namespace Lathe.Tests.Data;

public class CsvReaderTests
{
    [Fact]
    public void Infers_numeric_categorical_and_missing_values()
    {
        using var dir = new TempDirectory();
        var path = dir.File("d.csv", "x,color,y\n1.5,red,0\n,blue,1\n-2e3,\"red\",NA\n");
        var table = CsvReader.Read(path);
        Assert.Equal(3, table.RowCount);
        var x = Assert.IsType<NumericColumn>(table["x"]);
        Assert.Equal(1.5f, x[0]);
        Assert.True(x.IsMissing(1));
        Assert.Equal(-2000f, x[2]);
        var color = Assert.IsType<CategoricalColumn>(table["color"]);
        Assert.Equal(["red", "blue"], color.Categories);
        Assert.Equal(0, color[2]);
        Assert.True(table["y"].IsMissing(2));
    }

    [Fact]
    public void Quoted_fields_keep_delimiters_and_quotes()
    {
        using var dir = new TempDirectory();
        var path = dir.File("q.csv", "name,n\n\"Smith, John\",1\n\"say \"\"hi\"\"\",2\n");
        var table = CsvReader.Read(path, new CsvReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["name"] = ColumnKind.Text } });
        Assert.Equal("Smith, John", table["name"].Format(0));
        Assert.Equal("say \"hi\"", table["name"].Format(1));
    }

    [Fact]
    public void Tsv_files_are_split_on_tabs()
    {
        using var dir = new TempDirectory();
        var table = CsvReader.Read(dir.File("t.tsv", "a\tb\n1\t2\n"));
        Assert.Equal(2f, ((NumericColumn)table["b"])[0]);
    }

    [Fact]
    public void A_ragged_row_is_reported_with_its_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("r.csv", "a,b\n1,2\n3\n4,5\n");
        var e = Assert.Throws<LatheException>(() => CsvReader.Read(path));
        Assert.Equal(ErrorKind.Data, e.Kind);
        Assert.Contains($"{path}:3:", e.Message);
        Assert.Contains("1 fields but the header has 2", e.Message);
    }

    [Fact]
    public void A_typo_in_a_numeric_column_is_reported_with_line_column_and_value()
    {
        using var dir = new TempDirectory();
        var rows = string.Join("\n", Enumerable.Range(0, 20).Select(i => i == 13 ? "1.O,x" : $"{i}.5,x"));
        var path = dir.File("n.csv", "price,tag\n" + rows + "\n");
        var e = Assert.Throws<LatheException>(() => CsvReader.Read(path));
        Assert.Contains($"{path}:15:", e.Message);
        Assert.Contains("column 'price'", e.Message);
        Assert.Contains("'1.O'", e.Message);
    }

    [Fact]
    public void A_value_in_a_column_declared_numeric_must_be_a_number()
    {
        using var dir = new TempDirectory();
        var path = dir.File("n.csv", "a\n1\nabc\n");
        var options = new CsvReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["a"] = ColumnKind.Numeric } };
        var e = Assert.Throws<LatheException>(() => CsvReader.Read(path, options));
        Assert.Contains(":3:", e.Message);
    }

    [Fact]
    public void Infinity_is_an_error_not_a_silent_value()
    {
        using var dir = new TempDirectory();
        var path = dir.File("i.csv", "a\n1\ninf\n");
        var e = Assert.Throws<LatheException>(() => CsvReader.Read(path));
        Assert.Contains("infinite", e.Message);
        Assert.Contains(":3:", e.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a,b\n", "no data rows")]
    [InlineData("a,a\n1,2\n", "appears twice")]
    public void Empty_header_only_and_duplicate_columns_are_clear_errors(string content, string expected)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<LatheException>(() => CsvReader.Read(dir.File("bad.csv", content)));
        Assert.Equal(ErrorKind.Data, e.Kind);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_missing_file_names_the_path()
    {
        var e = Assert.Throws<LatheException>(() => CsvReader.Read("/nonexistent/data.csv"));
        Assert.Contains("/nonexistent/data.csv: file not found", e.Message);
    }

    [Fact]
    public void Gzip_compressed_files_are_read()
    {
        using var dir = new TempDirectory();
        var path = System.IO.Path.Combine(dir.Path, "z.csv.gz");
        using (var file = File.Create(path))
        using (var gz = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gz))
            writer.Write("a,b\n1,2\n3,4\n");
        var table = CsvReader.Read(path);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(4f, ((NumericColumn)table["b"])[1]);
    }
}

public class CsvReaderDamagedInputTests
{
    [Fact]
    public void A_truncated_gzip_file_is_an_error_naming_the_file_not_fewer_rows()
    {
        using var dir = new TempDirectory();
        var full = Path.Combine(dir.Path, "full.csv.gz");
        using (var gz = new System.IO.Compression.GZipStream(File.Create(full), System.IO.Compression.CompressionLevel.Optimal))
            gz.Write(System.Text.Encoding.UTF8.GetBytes("a,b\n" + string.Concat(Enumerable.Range(0, 20000).Select(i => $"{i},{i * 7 % 13}\n"))));
        var bytes = File.ReadAllBytes(full);
        var cut = Path.Combine(dir.Path, "cut.csv.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<LatheException>(() => CsvReader.Read(cut));
        Assert.Equal(ErrorKind.Data, e.Kind);
        Assert.StartsWith(cut, e.Message);
        Assert.Contains("truncated", e.Message);
    }
}

public class CsvReaderNumericPathTests
{
    private static string Rows(int count, Func<int, string> cell) => "id,v\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"{i},{cell(i)}\n"));

    [Fact]
    public void A_column_numeric_in_its_first_rows_but_mostly_words_later_keeps_every_text_exactly()
    {
        using var dir = new TempDirectory();
        var path = dir.File("late.csv", Rows(3000, i => i < 1200 ? $"0{i % 3 + 1}" : (i % 2 == 0 ? "A" : "B")));
        var table = CsvReader.Read(path);
        var v = Assert.IsType<CategoricalColumn>(table["v"]);
        Assert.Equal(["01", "02", "03", "A", "B"], v.Categories);
        Assert.Equal("02", v.Format(1));
        Assert.Equal("A", v.Format(2998));
        Assert.Equal(2999f, ((NumericColumn)table["id"])[2999]);
    }

    [Fact]
    public void A_typo_after_the_first_rows_names_its_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("typo.csv", Rows(3000, i => i == 2500 ? "1;5" : $"{i}.25"));
        var e = Assert.Throws<LatheException>(() => CsvReader.Read(path));
        Assert.StartsWith($"{path}:2502: column 'v' (field 2) is numeric but holds '1;5'", e.Message);
    }

    [Fact]
    public void Infinity_after_the_first_rows_names_its_line_and_missing_markers_stay_missing()
    {
        using var dir = new TempDirectory();
        var infinite = dir.File("inf.csv", Rows(2000, i => i == 1800 ? "-Infinity" : "1"));
        Assert.StartsWith($"{infinite}:1802: column 'v'", Assert.Throws<LatheException>(() => CsvReader.Read(infinite)).Message);

        var gaps = CsvReader.Read(dir.File("gaps.csv", Rows(2000, i => i % 500 == 499 ? "NA" : " 2.5 ")));
        var v = (NumericColumn)gaps["v"];
        Assert.Equal(4, v.CountMissing());
        Assert.Equal(2.5f, v[1999 - 1]);
        Assert.True(v.IsMissing(1999));
    }
}

public class CsvReaderQuoteTests
{
    [Theory]
    [InlineData("a,b\n1,\"2\n3,4\n5,6\n")]
    [InlineData("a,b\n1,2\n3,\"4\n")]
    [InlineData("a,b\n1,2\n3,x\"y\n5,6\n")]
    public void An_unterminated_quote_is_an_error_naming_its_line_not_one_swallowing_cell(string content)
    {
        using var dir = new TempDirectory();
        var path = dir.File("q.csv", content);
        var e = Assert.Throws<LatheException>(() => CsvReader.Read(path));
        Assert.Equal(ErrorKind.Data, e.Kind);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(path)}:[23]: a quote opened in this row is never closed", e.Message);
    }

    [Fact]
    public void A_quoted_line_break_and_doubled_quotes_are_one_cell()
    {
        using var dir = new TempDirectory();
        var table = CsvReader.Read(dir.File("ok.csv", "note,n\n\"two\nlines, \"\"quoted\"\"\",1\nplain,2\n"),
            new CsvReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["note"] = ColumnKind.Text } });
        Assert.Equal(2, table.RowCount);
        Assert.Equal("two\nlines, \"quoted\"", table["note"].Format(0));
        Assert.Equal(2f, ((NumericColumn)table["n"])[1]);
    }
}

/// <summary>Rows after the first 1000 are parsed in parallel: order, blank lines, texts and line numbers must hold there too.</summary>
public class CsvReaderParallelRowsTests
{
    [Fact]
    public void Late_rows_keep_their_order_texts_missing_values_and_skip_blank_lines()
    {
        using var dir = new TempDirectory();
        var text = new System.Text.StringBuilder("id,color,x\n");
        for (var i = 0; i < 5000; i++)
        {
            if (i % 997 == 0) text.Append('\n'); // blank lines, early and late
            text.Append($"{i},{(i % 3 == 0 ? "red" : i % 3 == 1 ? "\"blue\"" : "NA")},{(i % 10 == 9 ? "" : (i * 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture))}\n");
        }
        var table = CsvReader.Read(dir.File("big.csv", text.ToString()));
        Assert.Equal(5000, table.RowCount);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (float)i), ((NumericColumn)table["id"]).Values.ToArray());
        var color = Assert.IsType<CategoricalColumn>(table["color"]);
        Assert.Equal(["red", "blue"], color.Categories);
        Assert.Equal("red", color.Format(4998));
        Assert.Equal("blue", color.Format(4999));
        Assert.True(color.IsMissing(4997));
        var x = (NumericColumn)table["x"];
        Assert.Equal(2498f, x[4996]);
        Assert.True(x.IsMissing(4999));
        Assert.Equal(500, x.CountMissing());
    }

    [Theory]
    [InlineData("{0},1,2\n", "this row has 3 fields but the header has 2")]
    [InlineData("{0},\"open\n", "a quote opened in this row is never closed")]
    public void A_bad_late_row_names_its_own_line(string badRow, string message)
    {
        using var dir = new TempDirectory();
        var text = new System.Text.StringBuilder("a,b\n\n");
        for (var i = 0; i < 3000; i++) text.Append(i == 2100 ? string.Format(badRow, i) : $"{i},{i % 7}\n");
        var path = dir.File("bad.csv", text.ToString());
        var e = Assert.Throws<LatheException>(() => CsvReader.Read(path));
        Assert.Equal(ErrorKind.Data, e.Kind);
        Assert.StartsWith($"{path}:2103: {message}", e.Message);
    }
}
