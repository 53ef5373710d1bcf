using System.IO.Compression;
using System.Text;
using Lathe.Data;

namespace Lathe.Tests.Data;

public class JsonLinesReaderTests
{
    [Fact]
    public void Columns_are_the_union_of_keys_in_first_seen_order_and_absent_keys_are_missing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("d.jsonl", """
            {"x": 1.5, "color": "red", "ok": true}

            {"color": "blue", "x": -2e3, "extra": 7}
            {"x": null, "ok": false}
            """);
        var table = JsonLinesReader.Read(path);
        Assert.Equal(["x", "color", "ok", "extra"], table.ColumnNames);
        Assert.Equal(3, table.RowCount);
        var x = (NumericColumn)table["x"];
        Assert.Equal(1.5f, x[0]);
        Assert.Equal(-2000f, x[1]);
        Assert.True(x.IsMissing(2));
        var color = Assert.IsType<CategoricalColumn>(table["color"]);
        Assert.Equal(["red", "blue"], color.Categories);
        Assert.True(color.IsMissing(2));
        Assert.Equal([1f, float.NaN, 0f], ((NumericColumn)table["ok"]).Values.ToArray());
        Assert.Equal([float.NaN, 7f, float.NaN], ((NumericColumn)table["extra"]).Values.ToArray());
    }

    [Fact]
    public void Arrays_of_numbers_of_one_length_are_a_vector_column_with_missing_rows_as_NaN()
    {
        using var dir = new TempDirectory();
        var path = dir.File("v.ndjson", """
            {"id": 1}
            {"id": 2, "emb": [0.5, 1, 2]}
            {"id": 3, "emb": null}
            {"id": 4, "emb": [3, 4, 5]}
            """);
        var emb = Assert.IsType<VectorColumn>(JsonLinesReader.Read(path)["emb"]);
        Assert.Equal([3], emb.Shape);
        Assert.Equal(4, emb.Length);
        Assert.True(emb.IsMissing(0));
        Assert.Equal([0.5f, 1f, 2f], emb.Row(1).ToArray());
        Assert.True(emb.IsMissing(2));
        Assert.Equal([3f, 4f, 5f], emb.Row(3).ToArray());
    }

    [Fact]
    public void Gzip_files_and_overrides_are_read()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "d.jsonl.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Optimal))
            gz.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 30).Select(i => $"{{\"zip\": {i % 4}, \"y\": {i}}}\n"))));
        var table = JsonLinesReader.Read(path, new JsonLinesReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["zip"] = ColumnKind.Categorical } });
        Assert.Equal(30, table.RowCount);
        Assert.Equal(["0", "1", "2", "3"], Assert.IsType<CategoricalColumn>(table["zip"]).Categories);
        Assert.Equal(29f, ((NumericColumn)table["y"])[29]);
    }

    [Theory]
    [InlineData("{\"a\": 1}\n{\"a\": 2,}\n", ":2:", "not valid JSON")]
    [InlineData("{\"a\": 1}\n{\"a\": {\"b\": 2}}\n", ":2:", "key 'a' holds a nested object")]
    [InlineData("{\"a\": [1, 2]}\n{\"a\": [1, 2, 3]}\n", ":2:", "holds 3 numbers but 2 on line 1")]
    [InlineData("{\"a\": [1, \"x\"]}\n", ":1:", "an array with a string in it")]
    [InlineData("{\"a\": 1}\n{\"a\": [1]}\n", ":2:", "mixes arrays and single values")]
    [InlineData("{\"a\": 1, \"a\": 2}\n", ":1:", "key 'a' appears twice")]
    [InlineData("{\"a\": 1}\n[1, 2]\n", ":2:", "where a JSON object was expected")]
    [InlineData("{\"a\": \"1.5\"}\n{\"a\": 1e99}\n", ":2:", "infinite value")]
    public void Bad_lines_are_reported_with_the_file_and_line(string content, string line, string message)
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.jsonl", content);
        var e = Assert.Throws<LatheException>(() => JsonLinesReader.Read(path));
        Assert.Equal(ErrorKind.Data, e.Kind);
        Assert.StartsWith(path + line, e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Malformed_json_names_the_column_of_the_problem()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m.jsonl", "{\"a\": 1}\n{\"a\": tru}\n");
        var e = Assert.Throws<LatheException>(() => JsonLinesReader.Read(path));
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(path)}:2:\\d+: not valid JSON", e.Message);
    }

    [Fact]
    public void A_typo_in_a_numeric_key_names_its_line_like_the_csv_reader()
    {
        using var dir = new TempDirectory();
        var rows = Enumerable.Range(0, 20).Select(i => i == 13 ? "{\"price\": \"1.O\"}" : $"{{\"price\": {i}.5}}");
        var path = dir.File("n.jsonl", string.Join("\n", rows) + "\n");
        var e = Assert.Throws<LatheException>(() => JsonLinesReader.Read(path));
        Assert.StartsWith($"{path}:14:", e.Message);
        Assert.Contains("'1.O'", e.Message);
    }

    [Fact]
    public void Empty_files_unknown_overrides_and_truncated_gzip_are_errors()
    {
        using var dir = new TempDirectory();
        Assert.Contains("the file is empty", Assert.Throws<LatheException>(() => JsonLinesReader.Read(dir.File("e.jsonl", "\n\n"))).Message);

        var ok = dir.File("ok.jsonl", "{\"a\": 1}\n");
        var options = new JsonLinesReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["b"] = ColumnKind.Numeric } };
        var unknown = Assert.Throws<LatheException>(() => JsonLinesReader.Read(ok, options));
        Assert.Equal(ErrorKind.Config, unknown.Kind);
        Assert.Contains("column 'b'", unknown.Message);

        var full = Path.Combine(dir.Path, "full.jsonl.gz");
        using (var gz = new GZipStream(File.Create(full), CompressionLevel.Optimal))
            gz.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"a\": {i}}}\n"))));
        var bytes = File.ReadAllBytes(full);
        var cut = Path.Combine(dir.Path, "cut.jsonl.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 2 / 3)]);
        var truncated = Assert.Throws<LatheException>(() => JsonLinesReader.Read(cut));
        Assert.StartsWith(cut, truncated.Message);
        Assert.Contains("truncated", truncated.Message);
    }
}
