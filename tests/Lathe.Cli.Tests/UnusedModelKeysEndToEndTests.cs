namespace Lathe.Cli.Tests;

public class UnusedModelKeysEndToEndTests
{
    [Fact]
    public void Train_warns_about_a_forest_key_on_a_tree_and_still_trains_and_reading_the_run_again_stays_quiet()
    {
        using var cli = new CliRunner();
        var iris = Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv").Replace('\\', '/');
        var config = cli.Write("tree.yaml", $$"""
            name: tree
            data: { path: "{{iris}}", target: species }
            model: { type: tree, trees: 500, max_depth: 4 }
            """);

        var (code, output, error) = cli.Train(config, "--set", "model.k=9");
        Assert.True(code == 0, error + output);
        var lines = output.Split('\n');
        Assert.Contains("warning: model.trees (500) is not used by model.type tree; it is read by forest. Remove it or change model.type.", lines);
        Assert.Contains("warning: model.k (9) is not used by model.type tree; it is read by knn. Remove it or change model.type.", lines);
        Assert.Equal(2, lines.Count(l => l.StartsWith("warning: model.", StringComparison.Ordinal)));
        Assert.Contains("model: decision tree", output);
        var run = CliRunner.RunFolderOf(output);
        Assert.True(CliRunner.TestMetric(output, "accuracy") >= 0.9);

        // The run folder's config.yaml holds every key; reading the run back does not repeat the warning.
        var report = cli.Run("report", run);
        Assert.True(report.ExitCode == 0, report.Error);
        var predict = cli.Run("predict", run, "--input", iris, "--output", Path.Combine(cli.Folder, "p.csv"));
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.DoesNotContain("warning: model.", report.Output + report.Error + predict.Output + predict.Error);

        // Training the resolved config again warns only about the keys the user set, not the defaults written out.
        var again = cli.Train(Path.Combine(run, "config.yaml"), "--set", "model.trees=100", "--set", "model.k=5");
        Assert.True(again.ExitCode == 0, again.Error + again.Output);
        Assert.DoesNotContain("warning: model.", again.Output + again.Error);
    }
}
