using System.Globalization;
using System.IO.Compression;
using System.Text;
using Lathe.Data;

namespace Lathe.Tests.Data;

/// <summary>The parallel plain path must answer exactly what the general path answers, or not answer.</summary>
public class PlainCsvReaderTests
{
    [Fact]
    public void Float_parser_gives_the_correctly_rounded_float_for_random_and_edge_numbers()
    {
        var random = new Random(7);
        var texts = new List<string>
        {
            "0", "-0", "0.0", "1", "-1", "0.1", "16777216", "16777217", "16777218", "9007199254740993", "1e10", "1e-10", "1E+05",
            "3.4028235e38", "3.4028236e38", "1.17549435e-38", "1e-45", "1.4e-45", "7e-46", "0.000000000000000000000000000001",
            "12345678901234567890123", "0.30000001192092896", "1.00000005960464477539062", "1.0000000596046447753906250000001",
            "007.5", ".5", "5.", "+2.25", "-.125", "123456.789e-3",
        };
        for (var i = 0; i < 200_000; i++)
        {
            var digits = string.Concat(Enumerable.Range(0, random.Next(1, 22)).Select(_ => (char)('0' + random.Next(10))));
            var point = random.Next(digits.Length + 1);
            var text = (random.Next(2) == 0 ? "-" : "") + digits[..point] + (point < digits.Length ? "." + digits[point..] : "");
            if (random.Next(4) == 0) text += "e" + random.Next(-40, 40).ToString(CultureInfo.InvariantCulture);
            texts.Add(text);
        }
        // Float midpoints written out exactly: rounding the decimal to double first must not decide them.
        for (var i = 0; i < 2_000; i++)
        {
            var f = (double)BitConverter.Int32BitsToSingle(random.Next(0x00800000, 0x7F000000));
            var midpoint = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(f) + (1L << 28));
            texts.Add(midpoint.ToString("R", CultureInfo.InvariantCulture));
            texts.Add(ExactDecimal(midpoint));
        }
        foreach (var text in texts)
        {
            var bytes = Encoding.ASCII.GetBytes(text + "\n");
            var expected = float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (float.IsInfinity(expected))
            {
                Assert.Equal(-1, Utf8FloatParser.Scan(bytes, 0, out _)); // too large for float32: not a plain number
                continue;
            }
            Assert.True(Utf8FloatParser.Scan(bytes, 0, out var value) == text.Length, $"'{text}' not read whole");
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(value), $"'{text}': {value:R}, expected {expected:R}");
        }
        foreach (var text in new[] { "", "-", ".", "e5", "1e", "1e+", "-.e1", "NaN", "inf", "abc" })
            Assert.Equal(-1, Utf8FloatParser.Scan(Encoding.ASCII.GetBytes(text + "\n"), 0, out _));
    }

    [Theory]
    [InlineData("a,b,c\n1,2.5,-3e2\n4,NA,6\n,,7.25\n")]
    [InlineData("a,b\r\n1,2\r\nNA,4\r\n")] // CRLF, markers at a line end
    [InlineData("a,b\n1,2\n3,4")] // no line break after the last row
    [InlineData("\uFEFFa,b\n1,2\n")] // byte-order mark
    [InlineData("x\n1\n2\n?\n")] // one column
    [InlineData(",b\n1,2\n")] // a nameless column
    [InlineData("id,color,y\n1,red,0.5\n2,blue,NA\n3,,1\n4,grün,2\n")] // a column of words, one missing
    [InlineData("a,note\r\n1,two words\r\n2,NA\r\n")] // words at a CRLF line end
    [InlineData("a,b\n1,x\n2,3\n")] // words and numbers mixed, few rows: categories
    [InlineData("a,b\n1,NA\n2,\n3,x\n")] // the first word after missing cells
    [InlineData("a,b\n" + "1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n1,\n" + "2,late\n")] // ... many rows later
    [InlineData("\"a\",\"b\"\n1,\"red\"\n2,\"NA\"\n3,\"\"\n4,blue\n")] // R's write.csv: quoted names and words
    [InlineData("\"x\",y\n\"1.5\",2\n\"-3\",4\n")] // quoted numbers
    public void Plain_files_are_read_as_the_general_path_reads_them(string content)
    {
        using var dir = new TempDirectory();
        AssertSameAsGeneral(dir.File("p.csv", content));
    }

    [Fact]
    public void Forced_kinds_and_the_invalid_cell_log_match_the_general_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("k.csv", "zip,city,v\n01234,Oslo,1\n01234,Bergen,2\n99,Oslo,3\n");
        AssertSameAsGeneral(path, new Dictionary<string, ColumnKind> { ["zip"] = ColumnKind.Categorical, ["city"] = ColumnKind.Text });
        // a word column that is 90 % numbers: the word is a typo; with the log on it is listed and read as missing
        var typo = dir.File("t.csv", "a,b\n1,x1\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"{i},{i * 0.5}\n")));
        AssertSameAsGeneral(typo, keepInvalidCells: true);
    }

    [Fact]
    public void A_file_of_many_blocks_and_its_gzip_copy_read_as_the_general_path()
    {
        using var dir = new TempDirectory();
        var random = new Random(3);
        var text = new StringBuilder("a,b,c,d,e,f,g,h,class\n");
        string[] classes = ["cat", "dog", "bird", "NA"];
        for (var row = 0; row < 160_000; row++) // about 13 MB: four 4 MB blocks, each cut into parts
            text.AppendJoin(',', Enumerable.Range(0, 8).Select(c => c == 3 && row % 97 == 0 ? "" : Math.Round(random.NextDouble() * 2000 - 1000, c).ToString(CultureInfo.InvariantCulture)))
                .Append(',').Append(classes[random.Next(classes.Length)]).Append('\n');
        var path = dir.File("big.csv", text.ToString());
        AssertSameAsGeneral(path);
        using (var gz = new GZipStream(File.Create(path + ".gz"), CompressionLevel.Fastest)) gz.Write(File.ReadAllBytes(path));
        AssertSameAsGeneral(path + ".gz");
        Assert.Equal(160_000, CsvReader.Read(path + ".gz").RowCount);
    }

    [Theory]
    [InlineData("a,b\n1,\"x\"\"y\"\n")] // a quote inside quotes
    [InlineData("a,b\n1,\"x,y\"\n")] // a quoted delimiter
    [InlineData("a,b\n1,\"line\nbreak\"\n2,z\n")] // a quoted line break
    [InlineData("a,b\n1, \"x\"\n")] // a space outside the quotes
    [InlineData("a,b\n1,\" x\"\n")] // a space inside the quotes (the general path trims it)
    [InlineData("\"a\"\"\",b\n1,2\n")] // a quote inside a quoted name
    [InlineData("a,b\n1, 2\n")] // a space
    [InlineData("a,b\n1,2\n\n3,4\n")] // a blank line
    [InlineData("x\n1\n\n2\n")] // a blank line in one column
    [InlineData("a,b\n1,2,3\n")] // a field too many
    [InlineData("a,b\n1\n")] // a field too few
    [InlineData("a,b\n1,2\n3,red\n")] // a word in a numeric column
    [InlineData("a,b\n1,red \n")] // a space to trim
    [InlineData("a,b\nx,1\n2,2\n3,3\n4,4\n5,5\n6,6\n7,7\n8,8\n9,9\n10,10\n11,11\n")] // a typo in a numeric column: the general path words it
    [InlineData("a,b\n1,2\n3,2x\n")] // a number with a tail
    [InlineData("a,b\n1,2\r\n3,4\r\r\n")] // a stray carriage return
    [InlineData("a,b\n1,inf\n")] // infinity (refused or logged by the general path)
    [InlineData("a,b\n1,1e39\n")] // too large for float32
    [InlineData("a,a\n1,2\n")] // a duplicate name
    [InlineData("a,b\n")] // header only
    [InlineData("a,b\r3,4\r")] // old Mac line ends
    public void Anything_not_plain_is_left_to_the_general_path(string content)
    {
        using var dir = new TempDirectory();
        Assert.Null(PlainCsvReader.TryRead(dir.File("n.csv", content), ',', new CsvReadOptions()));
    }

    [Fact]
    public void Vector_kinds_and_unknown_column_settings_go_the_general_way()
    {
        using var dir = new TempDirectory();
        var path = dir.File("k.csv", "a,b\n1,2\n");
        Assert.Null(PlainCsvReader.TryRead(path, ',', new CsvReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["a"] = ColumnKind.Vector } }));
        Assert.Null(PlainCsvReader.TryRead(path, ',', new CsvReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["zz"] = ColumnKind.Numeric } }));
        Assert.NotNull(PlainCsvReader.TryRead(path, ',', new CsvReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["a"] = ColumnKind.Numeric } }));
    }

    [Fact]
    public void Random_small_files_get_the_general_paths_answer_or_none()
    {
        // Cells drawn from numbers, missing markers, words and the things the plain path must refuse; where the
        // general path fails, the plain path must not answer; where it answers, it must answer the same.
        string[] cells = ["1", "-2.5", "3e2", "0.1", "", "NA", "?", "red", "blue", "x y", " 4", "5 ", "\"q\"", "inf", "NaN", "1e40", "007", "+.5", "1e",
            "\"a,b\"", "\"x\"\"y\"", "\" sp \"", "\"\"", "\"NA\"", "\"1.5\"", "\"two\nlines\"", "\"", "a\"b"];
        string[] words = ["red", "blue", "\"red\"", "\"x y\"", "\"\"", "\"NA\"", "NA"];
        var random = new Random(11);
        using var dir = new TempDirectory();
        int answered = 0, declined = 0;
        for (var file = 0; file < 400; file++)
        {
            var width = random.Next(1, 4);
            var rows = random.Next(1, 30);
            var wordColumn = random.Next(width + 1); // one column mostly words, the rest mostly numbers
            var text = new StringBuilder(string.Join(',', Enumerable.Range(0, width).Select(c => $"c{c}"))).Append('\n');
            var newline = random.Next(4) == 0 ? "\r\n" : "\n";
            for (var r = 0; r < rows; r++)
            {
                var fields = Enumerable.Range(0, width).Select(c => random.Next(40) > 0
                    ? (c == wordColumn ? words[random.Next(words.Length)] : cells[random.Next(4)])
                    : cells[random.Next(cells.Length)]).ToList();
                if (random.Next(40) == 0) fields.Add("9"); // a ragged row
                text.AppendJoin(',', fields).Append(random.Next(60) == 0 ? "" : newline);
            }
            var path = dir.File($"f{file}.csv", text.ToString());
            var plain = PlainCsvReader.TryRead(path, ',', new CsvReadOptions());
            Table? general;
            try
            {
                general = CsvReader.Read(path, new CsvReadOptions(), plainPath: false);
            }
            catch (LatheException)
            {
                Assert.True(plain is null, $"the general path refuses {text} but the plain path answered");
                declined++;
                continue;
            }
            if (plain is null) { declined++; continue; }
            answered++;
            AssertSameAsGeneral(path);
        }
        Assert.True(answered > 100 && declined > 50, $"{answered} answered, {declined} declined: the draw no longer covers both paths");
    }

    /// <summary>Every digit of a positive double: m·2^e written out (m·5^-e with the point moved -e places when e &lt; 0).</summary>
    private static string ExactDecimal(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF) - 1075;
        var mantissa = new System.Numerics.BigInteger((bits & ((1L << 52) - 1)) | (1L << 52));
        if (exponent >= 0) return (mantissa << exponent).ToString(CultureInfo.InvariantCulture);
        var digits = (mantissa * System.Numerics.BigInteger.Pow(5, -exponent)).ToString(CultureInfo.InvariantCulture).PadLeft(-exponent + 1, '0');
        return digits[..^(-exponent)] + "." + digits[^(-exponent)..];
    }

    private static void AssertSameAsGeneral(string path, Dictionary<string, ColumnKind>? kinds = null, bool keepInvalidCells = false)
    {
        CsvReadOptions Options(CsvReadLog log) => new() { Log = log, ColumnKinds = kinds ?? [] };
        var plainLog = new CsvReadLog(keepInvalidCells);
        var generalLog = new CsvReadLog(keepInvalidCells);
        var plain = PlainCsvReader.TryRead(path, ',', Options(plainLog));
        Assert.NotNull(plain); // the plain path answered
        var general = CsvReader.Read(path, Options(generalLog), plainPath: false);
        Assert.Equal(general.Columns.Select(c => (c.Name, c.GetType())), plain.Columns.Select(c => (c.Name, c.GetType())));
        for (var c = 0; c < general.Columns.Count; c++)
        {
            if (general.Columns[c] is NumericColumn expected)
                Assert.Equal(expected.Values.ToArray().Select(BitConverter.SingleToInt32Bits), ((NumericColumn)plain.Columns[c]).Values.ToArray().Select(BitConverter.SingleToInt32Bits));
            else
                Assert.Equal(Enumerable.Range(0, general.RowCount).Select(r => general.Columns[c].IsMissing(r) ? null : general.Columns[c].Format(r)),
                    Enumerable.Range(0, plain.RowCount).Select(r => plain.Columns[c].IsMissing(r) ? null : plain.Columns[c].Format(r)));
        }
        Assert.Equal(generalLog.RowLines, plainLog.RowLines);
        Assert.Equal(generalLog.InvalidCells, plainLog.InvalidCells);
    }
}
