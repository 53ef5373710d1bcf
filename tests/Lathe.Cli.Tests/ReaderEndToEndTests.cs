using System.Globalization;
using Parquet;
using Parquet.Schema;
using SkiaSharp;

namespace Lathe.Cli.Tests;

/// <summary>Training and prediction read Parquet, JSON lines and image folders as they read CSV.</summary>
public class ReaderEndToEndTests
{
    private static readonly string IrisCsv = Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv");

    private static string TreeConfig(string path) => $"""
        name: iris-tree
        seed: 7
        data:
          path: {path}
          target: species
          split: {"{"} method: stratified, validation: 0.2, test: 0.3 {"}"}
        model: {"{"} type: tree, max_depth: 4 {"}"}
        """;

    [Fact]
    public async Task A_tree_learns_the_same_from_parquet_and_json_lines_copies_of_iris_as_from_the_csv()
    {
        using var cli = new CliRunner();
        var rows = File.ReadAllLines(IrisCsv).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var numbers = Enumerable.Range(0, 4).Select(c => rows.Select(r => float.Parse(r[c], CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var header = File.ReadLines(IrisCsv).First().Split(',');

        var fields = header[..4].Select(h => new DataField<float>(h)).ToArray();
        var species = new DataField<string>(header[4]);
        await using (var stream = File.Create(Path.Combine(cli.Folder, "iris.parquet")))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema([.. fields, species]), stream))
        {
            // Two row groups, so the reader must join them in order.
            foreach (var (start, count) in new[] { (0, 70), (70, rows.Count - 70) })
            {
                using var group = writer.CreateRowGroup();
                for (var c = 0; c < 4; c++) await group.WriteAsync<float>(fields[c], numbers[c].AsMemory(start, count));
                await group.WriteAsync(species, rows.Skip(start).Take(count).Select(r => r[4]).ToArray());
            }
        }
        File.WriteAllLines(Path.Combine(cli.Folder, "iris.jsonl"), rows.Select(r =>
            "{" + string.Join(", ", header[..4].Select((h, c) => $"\"{h}\": {r[c]}")) + $", \"{header[4]}\": \"{r[4]}\"}}"));

        double Accuracy(string data)
        {
            var (code, output, error) = cli.Train(cli.Write($"{Path.GetFileName(data)}.yaml", TreeConfig(data)));
            Assert.True(code == 0, error + output);
            return CliRunner.TestMetric(output, "accuracy");
        }
        var csv = Accuracy(IrisCsv);
        Assert.True(csv >= 0.85, $"csv accuracy {csv}");
        Assert.Equal(csv, Accuracy("iris.parquet"));
        Assert.Equal(csv, Accuracy("iris.jsonl"));
    }

    /// <summary>A 12×12 colour PNG: bright (light grey with noise) or dark.</summary>
    private static void Square(string path, bool bright, Random random)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(12, 12);
        for (var y = 0; y < 12; y++)
            for (var x = 0; x < 12; x++)
            {
                var v = (byte)(bright ? 170 + random.Next(80) : random.Next(80));
                bitmap.SetPixel(x, y, new SKColor(v, (byte)(v / 2 + random.Next(40)), v));
            }
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, png.ToArray());
    }

    [Fact]
    public void A_cnn_trains_on_an_image_folder_and_predict_reads_a_folder_naming_each_file()
    {
        using var cli = new CliRunner();
        var random = new Random(3);
        for (var i = 0; i < 40; i++)
        {
            Square(Path.Combine(cli.Folder, "squares", "bright", $"{i:00}.png"), bright: true, random);
            Square(Path.Combine(cli.Folder, "squares", "dark", $"{i:00}.png"), bright: false, random);
        }
        for (var i = 0; i < 6; i++) Square(Path.Combine(cli.Folder, "new", $"img{i}.png"), bright: i % 2 == 0, random);
        var config = cli.Write("config.yaml", """
            name: squares
            data:
              path: squares
              target: label
              image_size: [8, 8]
              channels: 1
              split: { validation: 0.2, test: 0.2 }
            model: { type: cnn, channels: [4], hidden: [8] }
            train:
              epochs: 2
              batch_size: 8
              optimizer: { type: adam, lr: 0.02 }
            """);
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        Assert.True(CliRunner.TestMetric(output, "accuracy") >= 0.9, output);

        var predictions = Path.Combine(cli.Folder, "p.csv");
        var predict = cli.Run("predict", CliRunner.RunFolderOf(output), "--input", Path.Combine(cli.Folder, "new"), "--output", predictions);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal("file,prediction,p_bright,p_dark", lines[0]);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"img{i}.png,{(i % 2 == 0 ? "bright" : "dark")}"),
            lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..2])));
    }

    [Fact]
    public void Bad_files_in_every_format_exit_with_code_3_naming_the_file()
    {
        using var cli = new CliRunner();
        cli.Write("bad.parquet", "PAR1 this is not really parquet PAR1");
        cli.Write("bad.jsonl", "{\"a\": 1, \"label\": \"x\"}\n{\"a\": 2, \"label\": \"y\"\n");
        Directory.CreateDirectory(Path.Combine(cli.Folder, "imgs", "a"));
        Square(Path.Combine(cli.Folder, "imgs", "a", "1.png"), bright: true, new Random(1));
        var broken = cli.Write(Path.Combine("imgs", "a", "2.png"), "not a png");
        foreach (var (data, expected) in new[]
                 {
                     ("bad.parquet", $"{Path.Combine(cli.Folder, "bad.parquet")}: not a readable Parquet file"),
                     ("bad.jsonl", $"{Path.Combine(cli.Folder, "bad.jsonl")}:2:"),
                     ("imgs", $"{broken}: not a readable PNG or JPEG image"),
                 })
        {
            var config = cli.Write("c.yaml", $"name: bad\ndata:\n  path: {data}\n  target: label\nmodel: {{ type: tree }}\n");
            var (code, output, error) = cli.Train(config);
            Assert.True(code == 3, $"{data}: exit {code}\n{error}{output}");
            Assert.StartsWith("error: ", error);
            Assert.Contains(expected, error);
            Assert.DoesNotContain("   at ", error);
        }
    }
}
