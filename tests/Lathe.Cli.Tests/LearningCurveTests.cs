namespace Lathe.Cli.Tests;

public class LearningCurveEndToEndTests
{
    [Fact]
    public void Curve_fits_growing_subsets_and_writes_points_and_a_picture()
    {
        using var cli = new CliRunner();
        var result = cli.Run("curve", Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--set", "model.type=tree",
            "--sizes", "0.3,0.6,1", "--repeats", "2", "--runs-dir", Path.Combine(cli.Folder, "runs"));
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("twice the data (", result.Output);
        var folder = CliRunner.RunFolderOf(result.Output);
        var curve = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "curve.json")))!;
        var rows = curve["points"]!.AsArray().Select(p => (int)p!["rows"]!).ToArray();
        Assert.Equal(3, rows.Length);
        Assert.True(rows[0] < rows[1] && rows[1] < rows[2]);
        Assert.Equal(1.0, (double)curve["points"]![2]!["train"]!, 6); // an unpruned tree fits its training rows
        Assert.True(new FileInfo(Path.Combine(folder, "learning_curve_size.png")).Length > 10_000);
    }

    [Fact]
    public void A_share_outside_zero_to_one_is_a_clear_error()
    {
        using var cli = new CliRunner();
        var result = cli.Run("curve", Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--sizes", "0.5,2");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--sizes", result.Error);
    }

    [Fact]
    public void A_validation_curve_fits_each_value_and_names_the_best()
    {
        using var cli = new CliRunner();
        var result = cli.Run("curve", Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--set", "model.type=tree",
            "--param", "model.max_depth", "--values", "1,3,null", "--runs-dir", Path.Combine(cli.Folder, "runs"));
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var curve = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RunFolderOf(result.Output), "curve.json")))!;
        var train = curve["points"]!.AsArray().Select(p => (double)p!["train"]!).ToArray();
        Assert.True(train[0] < 0.7, $"a stump separates one class of three: {train[0]}");
        Assert.Equal(1.0, train[2], 6); // an unlimited tree fits its training rows
        Assert.NotEqual("1", (string)curve["best"]!);
        Assert.True(File.Exists(Path.Combine(CliRunner.RunFolderOf(result.Output), "validation_curve.png")));
    }
}
