using System.Globalization;

namespace Lathe.Cli.Tests;

public class LabelEndToEndTests
{
    /// <summary>Two round clusters: class "north" around (0, 3), class "south" around (0, −3).</summary>
    private static string Blobs(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<string> { "x,y,side" };
        for (var i = 0; i < count; i++)
        {
            var north = i % 2 == 0;
            var x = Gaussian(random);
            var y = (north ? 3 : -3) + Gaussian(random);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{x:0.###},{y:0.###},{(north ? "north" : "south")}"));
        }
        return string.Join("\n", rows) + "\n";
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Label_fills_in_confident_rows_keeps_given_labels_and_leaves_uncertain_rows_empty_or_out()
    {
        using var cli = new CliRunner();
        cli.Write("blobs.csv", Blobs(200, seed: 1));
        var config = cli.Write("config.yaml", "name: blobs\ndata: { path: blobs.csv, target: side }\nmodel: { type: logistic }\n");
        var train = cli.Train(config);
        Assert.True(train.ExitCode == 0, train.Error + train.Output);
        var run = CliRunner.RunFolderOf(train.Output);

        // Far north, far south, on the border (y = 0: about even odds), and a row someone already labelled.
        var input = cli.Write("unlabeled.csv", "x,y,side\n0.5,4,\n-0.2,-5,\n0.1,0,\n0,-4,north\n");
        var labeled = Path.Combine(cli.Folder, "labeled.csv");
        var (code, output, error) = cli.Run("label", run, "--input", input, "--output", labeled, "--min-confidence", "0.9");
        Assert.True(code == 0, error + output);
        Assert.Contains("labelled: 2 of 4 rows with confidence >= 0.9 (north 1, south 1)", output);
        Assert.Contains("below threshold: 1 rows, written with an empty side", output);
        Assert.Contains("already labelled: 1 rows kept as given", output);
        var lines = File.ReadAllLines(labeled);
        Assert.Equal("x,y,side,confidence", lines[0]);
        Assert.StartsWith("0.5,4,north,0.9", lines[1]);
        Assert.StartsWith("-0.2,-5,south,0.9", lines[2]);
        var border = lines[3].Split(',');
        Assert.Equal("", border[2]);
        var borderConfidence = double.Parse(border[3], CultureInfo.InvariantCulture);
        Assert.InRange(borderConfidence, 0.5, 0.9);
        Assert.Equal("0,-4,north,", lines[4]); // a given label is kept, even against the model

        var confident = Path.Combine(cli.Folder, "confident.csv");
        var only = cli.Run("label", run, "--input", input, "--output", confident, "--min-confidence", "0.9", "--confident-only");
        Assert.True(only.ExitCode == 0, only.Error);
        Assert.Contains("below threshold: 1 rows, left out (--confident-only)", only.Output);
        Assert.Contains("wrote 3 rows", only.Output);
        Assert.DoesNotContain(File.ReadAllLines(confident).Skip(1), line => line.Split(',')[2] == "");

        var bad = cli.Run("label", run, "--input", input, "--output", confident, "--min-confidence", "1.5");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--min-confidence", bad.Error);

        var missing = cli.Run("label", run, "--input", cli.Write("x-only.csv", "x\n1\n"), "--output", confident);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("column 'y' is missing", missing.Error);
    }

    [Fact]
    public void Label_refuses_a_regression_model()
    {
        using var cli = new CliRunner();
        var rows = string.Join("\n", Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},{i * 0.5 + 0.1}")));
        cli.Write("line.csv", "x,y\n" + rows + "\n");
        var train = cli.Train(cli.Write("config.yaml", "data: { path: line.csv, target: y }\nmodel: { type: linear }\n"));
        Assert.True(train.ExitCode == 0, train.Error + train.Output);
        var (code, _, error) = cli.Run("label", CliRunner.RunFolderOf(train.Output), "--input", cli.Write("new.csv", "x\n3\n"), "--output", Path.Combine(cli.Folder, "o.csv"));
        Assert.Equal(2, code);
        Assert.Contains("lathe label needs a classifier, but this is a regression model", error);
    }
}
