using System.Globalization;
using System.Text.RegularExpressions;
using Lathe.Data;

namespace Lathe.Cli.Tests;

public class SynthesizeEndToEndTests
{
    private static double Number(string output, string pattern) =>
        double.Parse(Regex.Match(output, pattern, RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Synthesizing_a_csv_writes_similar_rows_and_prints_the_fidelity_table()
    {
        using var cli = new CliRunner();
        var demo = Path.Combine(cli.Folder, "demo.csv");
        var generated = cli.Run("synthesize", "--generate", "classification", "--rows", "1500", "--classes", "3", "--features", "5", "--output", demo);
        Assert.True(generated.ExitCode == 0, generated.Error);
        Assert.Equal($"wrote {demo}", generated.Output.Trim().Split('\n')[^1]);
        var real = CsvReader.Read(demo);
        Assert.Equal(["x0", "x1", "x2", "x3", "x4", "label"], real.ColumnNames);
        Assert.Equal(1500, real.RowCount);

        var output = Path.Combine(cli.Folder, "synthetic.csv");
        var (code, text, error) = cli.Run("synthesize", demo, "--rows", "3000", "--output", output, "--target", "label", "--seed", "4");
        Assert.True(code == 0, error + text);
        Assert.Contains("model: gaussian copula per class of 'label'", text);
        Assert.Contains("sampled: 3000 rows (seed 4)", text);
        Assert.Equal($"wrote {output}", text.Trim().Split('\n')[^1]);
        var synthetic = CsvReader.Read(output);
        Assert.Equal(real.ColumnNames, synthetic.ColumnNames);
        Assert.Equal(3000, synthetic.RowCount);
        // One table row per column, with small distances; the association summary last before "wrote".
        Assert.True(Number(text, @"^x0\s+numeric\s+ks\s+(\S+)") < 0.05, text);
        Assert.True(Number(text, @"^label\s+categorical\s+tvd\s+(\S+)") < 0.01, text);
        Assert.True(Number(text, @"associations \(15 column pairs\): max \|difference\| (\S+)") < 0.1, text);

        // Same seed, same file.
        var again = Path.Combine(cli.Folder, "again.csv");
        Assert.Equal(0, cli.Run("synthesize", demo, "--rows", "3000", "--output", again, "--target", "label", "--seed", "4").ExitCode);
        Assert.Equal(File.ReadAllText(output), File.ReadAllText(again));
    }

    [Fact]
    public void Every_generator_writes_a_readable_dataset()
    {
        using var cli = new CliRunner();
        foreach (var kind in new[] { "moons", "blobs", "classification", "regression" })
        {
            var path = Path.Combine(cli.Folder, kind + ".csv");
            var (code, output, error) = cli.Run("synthesize", "--generate", kind, "--rows", "50", "--output", path);
            Assert.True(code == 0, error);
            Assert.StartsWith($"generated: {kind}, 50 rows", output);
            Assert.Equal(50, CsvReader.Read(path).RowCount);
        }
        var imbalanced = Path.Combine(cli.Folder, "imbalanced.csv");
        Assert.Equal(0, cli.Run("synthesize", "--generate", "classification", "--rows", "200", "--weights", "0.9,0.1", "--noise", "0", "--output", imbalanced).ExitCode);
        var label = CsvReader.Read(imbalanced)["label"];
        Assert.Equal(20, Enumerable.Range(0, 200).Count(r => label.Format(r) == "class1"));
        var badWeights = cli.Run("synthesize", "--generate", "moons", "--weights", "0.5,0.5", "--output", imbalanced);
        Assert.Equal(2, badWeights.ExitCode);
        Assert.Contains("--weights does not apply to moons", badWeights.Error);
    }

    [Fact]
    public void Mistakes_get_one_clear_message_and_the_right_exit_code()
    {
        using var cli = new CliRunner();
        // 60 different sentences: read as free text, not as categories.
        var data = cli.Write("notes.csv", "score,review\n" + string.Concat(Enumerable.Range(0, 60).Select(i => $"{i % 5},stayed {i} nights and liked it\n")));
        var output = Path.Combine(cli.Folder, "out.csv");

        var text = cli.Run("synthesize", data, "--output", output);
        Assert.Equal(3, text.ExitCode);
        Assert.Contains("column 'review' is free text", text.Error);
        Assert.Contains("--drop review", text.Error);
        Assert.False(File.Exists(output));
        var dropped = cli.Run("synthesize", data, "--output", output, "--drop", "review");
        Assert.True(dropped.ExitCode == 0, dropped.Error);
        Assert.Equal(["score"], CsvReader.Read(output).ColumnNames);

        var target = cli.Run("synthesize", data, "--output", output, "--target", "label");
        Assert.Equal(2, target.ExitCode);
        Assert.Contains("--target: no column 'label'", target.Error);
        var kind = cli.Run("synthesize", "--generate", "spirals", "--output", output);
        Assert.Equal(2, kind.ExitCode);
        Assert.Contains("'spirals' is not one of moons, blobs, classification, regression", kind.Error);
        var nothing = cli.Run("synthesize", "--output", output);
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("name the DATA file", nothing.Error);
        var missing = cli.Run("synthesize", Path.Combine(cli.Folder, "absent.csv"), "--output", output);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("file not found", missing.Error);
    }

    [Fact]
    public void A_config_can_train_on_generated_moons_which_only_a_local_model_separates()
    {
        using var cli = new CliRunner();
        var config = cli.Write("moons.yaml", "name: moons\nseed: 3\ndata:\n  generate: { kind: moons, rows: 600, noise: 0.1 }\nmodel:\n  type: knn\n");
        var knn = cli.Train(config);
        Assert.True(knn.ExitCode == 0, knn.Error + knn.Output);
        Assert.Contains("data: train 420 rows, validation 90 rows, test 90 rows; task classification (2 classes)", knn.Output);
        Assert.True(CliRunner.TestMetric(knn.Output, "accuracy") > 0.95, knn.Output);
        var linear = cli.Train(config, "--set", "model.type=logistic");
        Assert.True(linear.ExitCode == 0, linear.Error);
        Assert.True(CliRunner.TestMetric(linear.Output, "accuracy") < 0.93, linear.Output);

        // The run folder's config generates the same rows again.
        var again = cli.Train(Path.Combine(CliRunner.RunFolderOf(knn.Output), "config.yaml"));
        Assert.Equal(CliRunner.TestMetric(knn.Output, "accuracy"), CliRunner.TestMetric(again.Output, "accuracy"));

        var bad = cli.Train(config, "--set", "data.generate.kind=spirals");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("data.generate.kind 'spirals' is not one of moons, blobs, classification, regression", bad.Error);
        var both = cli.Train(config, "--set", "data.path=moons.csv");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("data.generate and data.path (or data.train) are alternatives", both.Error);
        var classes = cli.Train(config, "--set", "data.generate.classes=3");
        Assert.Equal(2, classes.ExitCode);
        Assert.Contains("data.generate.classes does not apply to moons", classes.Error);
    }
}
