using System.Globalization;
using System.Text.Json.Nodes;

namespace Lathe.Cli.Tests;

public class DecisionTreeEndToEndTests
{
    [Fact]
    public void A_tree_run_on_iris_writes_its_rules_and_predicts()
    {
        using var cli = new CliRunner();
        var iris = Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml");
        var (code, output, error) = cli.Train(iris, "--set", "model.type=tree", "--set", "model.max_depth=4");
        Assert.True(code == 0, error + output);
        Assert.Contains("model: decision tree", output);
        var run = CliRunner.RunFolderOf(output);
        var accuracy = CliRunner.TestMetric(output, "accuracy");
        Assert.True(accuracy >= 0.9, $"test accuracy {accuracy}");
        Assert.StartsWith("if petal_", File.ReadAllText(Path.Combine(run, "tree_rules.txt")));
        var predictions = Path.Combine(cli.Folder, "p.csv");
        var predict = cli.Run("predict", run, "--input", Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"), "--output", predictions);
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Equal(151, File.ReadAllLines(predictions).Length);
    }
}

public class RandomForestEndToEndTests
{
    [Fact]
    public void A_forest_run_on_iris_reports_its_out_of_bag_accuracy()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Train(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--set", "model.type=forest", "--set", "model.trees=30");
        Assert.True(code == 0, error + output);
        Assert.Contains("model: random forest of 30 trees", output);
        Assert.Matches(@"oob_accuracy 0\.9\d", output);
        var accuracy = CliRunner.TestMetric(output, "accuracy");
        Assert.True(accuracy >= 0.9, $"test accuracy {accuracy}");
    }
}

public class ClassicalModelsEndToEndTests
{
    [Theory]
    [InlineData("knn")]
    [InlineData("naive_bayes")]
    [InlineData("gbdt")]
    [InlineData("svm")]
    public void Classical_models_train_on_iris_with_the_example_config(string type)
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Train(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--set", $"model.type={type}");
        Assert.True(code == 0, error + output);
        var accuracy = CliRunner.TestMetric(output, "accuracy");
        Assert.True(accuracy >= 0.9, $"{type}: test accuracy {accuracy}");
    }
}

public class GradientBoostingEndToEndTests
{
    [Fact]
    public void Boosting_stops_early_on_validation_loss_and_its_saved_trees_predict()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Train(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"),
            "--set", "model.type=gbdt", "--set", "model.rounds=500", "--set", "model.learning_rate=0.3", "--set", "train.early_stopping.patience=5");
        Assert.True(code == 0, error + output);
        Assert.Contains("model: gradient boosting (LightGBM): 500 rounds", output);
        Assert.Contains("stopped: early stopping", output);
        var run = CliRunner.RunFolderOf(output);
        Assert.True(File.Exists(Path.Combine(run, "model", "model.txt")));
        var predictions = Path.Combine(cli.Folder, "p.csv");
        var predict = cli.Run("predict", run, "--input", Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"), "--output", predictions);
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Equal(151, File.ReadAllLines(predictions).Length);
    }
}

public class ClusteringEndToEndTests
{
    [Fact]
    public void Kmeans_groups_iris_scores_against_the_species_and_predicts_clusters()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Train(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"),
            "--set", "model.type=kmeans", "--set", "model.clusters=3");
        Assert.True(code == 0, error + output);
        Assert.Contains("task clustering", output);
        Assert.Contains("clusters 3", output);
        Assert.True(CliRunner.TestMetric(output, "ari") > 0.5, output);
        Assert.True(CliRunner.TestMetric(output, "silhouette") > 0.3, output);
        var predictions = Path.Combine(cli.Folder, "p.csv");
        var predict = cli.Run("predict", CliRunner.RunFolderOf(output), "--input", Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"), "--output", predictions);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal("cluster", lines[0]);
        Assert.Equal(3, lines.Skip(1).Distinct().Count());
    }

    [Fact]
    public void A_mixture_without_labels_predicts_membership_probabilities()
    {
        using var cli = new CliRunner();
        cli.Write("points.csv", "a,b\n" + string.Join("\n", Enumerable.Range(0, 120).Select(i => i % 2 == 0 ? $"{i % 7 * 0.01},{i % 5 * 0.01}" : $"{5 + i % 7 * 0.01},{5 + i % 5 * 0.01}")) + "\n");
        var config = cli.Write("config.yaml", "name: blobs\ndata:\n  path: points.csv\n  task: clustering\nmodel:\n  type: gmm\n  components: 2\n");
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        Assert.Contains("model: Gaussian mixture (2 components, full covariance)", output);
        var predictions = Path.Combine(cli.Folder, "p.csv");
        var predict = cli.Run("predict", CliRunner.RunFolderOf(output), "--input", Path.Combine(cli.Folder, "points.csv"), "--output", predictions);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal("cluster,p_0,p_1", lines[0]);
        Assert.NotEqual(lines[1].Split(',')[0], lines[2].Split(',')[0]); // alternate rows are in different blobs
    }
}

public class CrossProcessDeterminismTests
{
    [Fact]
    public void A_forest_trained_in_two_processes_with_the_same_seed_is_the_same()
    {
        using var cli = new CliRunner();
        var config = Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml");
        string Train(string runs)
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet",
                ["exec", Path.Combine(AppContext.BaseDirectory, "Lathe.Cli.dll"), "train", config, "--set", "model.type=forest", "--set", "model.trees=20",
                 "--runs-dir", Path.Combine(cli.Folder, runs)]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
            return File.ReadAllText(Path.Combine(CliRunner.RunFolderOf(output), "model", "model.json"));
        }
        Assert.Equal(Train("a"), Train("b"));
    }
}

public class LinearModelsEndToEndTests
{
    [Fact]
    public void Logistic_regression_trains_on_iris_and_predicts()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Train(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--set", "model.type=logistic", "--set", "model.c=0.5");
        Assert.True(code == 0, error + output);
        Assert.Contains("model: logistic regression (penalty l2, C 0.5)", output);
        Assert.Contains("logistic: L-BFGS converged", output);
        var accuracy = CliRunner.TestMetric(output, "accuracy");
        Assert.True(accuracy >= 0.9, $"test accuracy {accuracy}");
        var predictions = Path.Combine(cli.Folder, "p.csv");
        var predict = cli.Run("predict", CliRunner.RunFolderOf(output), "--input", Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"), "--output", predictions);
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Equal(151, File.ReadAllLines(predictions).Length);
    }

    [Fact]
    public void Linear_regression_fits_one_hot_inputs_and_names_the_collinear_columns()
    {
        using var cli = new CliRunner();
        var random = new Random(5);
        var rows = new List<string> { "size,color,price" };
        for (var i = 0; i < 200; i++)
        {
            var size = random.NextDouble() * 10;
            var color = i % 3 == 0 ? "red" : "blue";
            rows.Add(FormattableString.Invariant($"{size:0.###},{color},{2 * size + (color == "red" ? 5 : 0) + random.NextDouble() * 0.1:0.###}"));
        }
        cli.Write("prices.csv", string.Join("\n", rows) + "\n");
        var config = cli.Write("config.yaml", """
            name: prices
            data: { path: prices.csv, target: price, split: { method: holdout, validation: 0.2, test: 0.2 } }
            model: { type: linear }
            """);
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        Assert.Contains("model: linear regression (penalty none)", output);
        Assert.Contains("minimum-norm", output); // color=red and color=blue add up to the intercept's column of ones
        Assert.True(CliRunner.TestMetric(output, "r2") > 0.99, output);

        var (netCode, netOutput, netError) = cli.Train(config, "--set", "model.penalty=elastic_net", "--set", "model.alpha=0.01", "--set", "model.l1_ratio=0.7");
        Assert.True(netCode == 0, netError + netOutput);
        Assert.Contains("model: linear regression (penalty elastic_net, alpha 0.01)", netOutput);
        Assert.True(CliRunner.TestMetric(netOutput, "r2") > 0.99, netOutput);
    }

    [Fact]
    public void Linear_regression_on_classes_is_a_config_error()
    {
        using var cli = new CliRunner();
        var (code, _, error) = cli.Train(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--set", "model.type=linear");
        Assert.Equal(2, code);
        Assert.Contains("model.type logistic", error);
    }
}
