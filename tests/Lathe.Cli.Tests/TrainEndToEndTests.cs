using System.Globalization;
using System.Text.Json.Nodes;

namespace Lathe.Cli.Tests;

public class TrainEndToEndTests
{
    private static readonly string IrisConfig = Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml");

    [Fact]
    public void Training_the_iris_example_writes_the_run_folder_and_reaches_the_accuracy_target()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Train(IrisConfig);
        Assert.True(code == 0, error + output);

        var run = CliRunner.RunFolderOf(output);
        Assert.StartsWith(Path.Combine(cli.RunsDirectory, "iris-mlp-"), run);
        foreach (var file in new[] { "config.yaml", "metrics.json", "history.csv", "history.json", "learning_curve.png", "model/model.json", "model/weights.safetensors" })
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} is missing from the run folder");

        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")))!;
        var accuracy = (double)metrics["test"]!["accuracy"]!;
        Assert.True(accuracy >= 0.93, $"test accuracy {accuracy}");
        Assert.Contains($"test: accuracy {accuracy.ToString("0.0000", CultureInfo.InvariantCulture)}", output);

        var history = File.ReadAllLines(Path.Combine(run, "history.csv"));
        Assert.StartsWith("epoch,train_loss,train_accuracy,val_loss,val_accuracy", history[0]);
        Assert.Equal((int)metrics["epochs"]!, history.Length - 1);
        var png = File.ReadAllBytes(Path.Combine(run, "learning_curve.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 10_000, "the learning curve image looks empty");

        // The run folder's config is resolved: it trains again from anywhere.
        var again = cli.Train(Path.Combine(run, "config.yaml"), "--set", "train.epochs=2");
        Assert.True(again.ExitCode == 0, again.Error);

        // predict writes one row per input row, with class names and probabilities.
        var predictions = Path.Combine(cli.Folder, "predictions.csv");
        var predict = cli.Run("predict", run, "--input", Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"), "--output", predictions);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal("prediction,p_setosa,p_versicolor,p_virginica", lines[0]);
        Assert.Equal(151, lines.Length);
        Assert.StartsWith("setosa,", lines[1]);
        var correct = File.ReadAllLines(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv")).Skip(1)
            .Zip(lines.Skip(1)).Count(p => p.First.Split(',')[4] == p.Second.Split(',')[0]);
        Assert.True(correct >= 140, $"{correct}/150 predictions match the labels");
    }

    [Fact]
    public void The_same_config_and_seed_give_identical_metrics_and_set_overrides_apply()
    {
        using var cli = new CliRunner();
        string Metrics(params string[] extra)
        {
            var (code, output, error) = cli.Train(IrisConfig, ["--set", "train.epochs=15", .. extra]);
            Assert.True(code == 0, error);
            var run = CliRunner.RunFolderOf(output);
            Assert.Contains("epochs: 15", File.ReadAllText(Path.Combine(run, "config.yaml")));
            return File.ReadAllText(Path.Combine(run, "metrics.json"));
        }
        var first = Metrics();
        Assert.Equal(first, Metrics());
        Assert.NotEqual(first, Metrics("--set", "seed=7"));
    }
}

public class RegressionEndToEndTests
{
    [Fact]
    public void A_numeric_target_trains_a_regressor_with_categorical_inputs_and_gaps()
    {
        using var cli = new CliRunner();
        var random = new Random(3);
        var rows = new List<string> { "id,size,color,price" };
        for (var i = 0; i < 300; i++)
        {
            var size = random.NextDouble() * 10;
            var color = i % 3 == 0 ? "red" : "blue";
            var price = 2 * size + (color == "red" ? 5 : 0) + random.NextDouble() * 0.2;
            var sizeText = i % 17 == 0 ? "" : size.ToString("0.###", CultureInfo.InvariantCulture); // some gaps
            rows.Add($"row{i},{sizeText},{color},{price.ToString("0.###", CultureInfo.InvariantCulture)}");
        }
        cli.Write("prices.csv", string.Join("\n", rows) + "\n");
        var config = cli.Write("config.yaml", """
            name: prices
            data:
              path: prices.csv
              target: price
              columns: { id: ignore }
              split: { method: holdout, validation: 0.2, test: 0.2 }
            model: { type: mlp, hidden: [32] }
            train:
              epochs: 80
              batch_size: 16
              optimizer: { type: adam, lr: 0.01 }
            """);
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        Assert.Contains("task regression", output);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RunFolderOf(output), "metrics.json")))!;
        var r2 = (double)metrics["test"]!["r2"]!;
        Assert.True(r2 > 0.9, $"test R² {r2}");
        Assert.NotNull(metrics["test"]!["rmse"]);
    }
}

public class CrossValidationEndToEndTests
{
    [Fact]
    public void Cv_holds_out_each_fold_once_and_reports_mean_and_spread()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Train(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"),
            "--set", "model.type=tree", "--set", "model.max_depth=3", "--cv", "3");
        Assert.True(code == 0, error + output);
        Assert.Contains("in 3 folds (stratified)", output);
        Assert.Matches(@"cv accuracy: 0\.9\d{3} ± 0\.\d{4}", output);
        var cv = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RunFolderOf(output), "cv.json")))!;
        var folds = cv["folds"]!.AsArray().Select(f => (double)f!["accuracy"]!).ToArray();
        Assert.Equal(3, folds.Length);
        Assert.Equal(folds.Average(), (double)cv["mean"]!["accuracy"]!, 5);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(CliRunner.RunFolderOf(output), "cv.csv")).Length);
    }

    [Fact]
    public void One_fold_is_a_clear_error()
    {
        using var cli = new CliRunner();
        var (code, _, error) = cli.Train(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--cv", "1");
        Assert.Equal(2, code);
        Assert.Contains("cross-validation needs at least 2", error);
    }
}

public class EvaluateEndToEndTests
{
    [Fact]
    public void Evaluate_scores_a_saved_model_on_labelled_rows_and_refuses_rows_without_labels()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Train(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--set", "model.type=tree");
        Assert.True(code == 0, error + output);
        var run = CliRunner.RunFolderOf(output);
        var evaluate = cli.Run("evaluate", run, "--data", Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"));
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        Assert.Matches(@"150 rows: accuracy 0\.9\d{3}", evaluate.Output);
        var saved = Directory.GetDirectories(Path.Combine(run, "evaluations"), "iris-*").Single();
        Assert.Contains($"wrote {saved}", evaluate.Output);
        Assert.True((double)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(saved, "scores.json")))!["scores"]!["accuracy"]! > 0.9);
        foreach (var picture in new[] { "confusion_matrix.png", "roc_curve.png", "pr_curve.png", "calibration.png" })
            Assert.True(new FileInfo(Path.Combine(saved, picture)).Length > 10_000, picture);

        var unlabelled = cli.Write("rows.csv", "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n");
        var refused = cli.Run("evaluate", run, "--data", unlabelled);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("no column 'species'", refused.Error);
    }
}

public class RunPicturesEndToEndTests
{
    [Fact]
    public void A_classifier_run_draws_its_test_predictions_and_a_regressor_its_residuals()
    {
        using var cli = new CliRunner();
        var config = Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml");
        var classify = cli.Train(config, "--set", "model.type=logistic");
        Assert.True(classify.ExitCode == 0, classify.Error + classify.Output);
        foreach (var picture in new[] { "confusion_matrix.png", "roc_curve.png", "pr_curve.png", "calibration.png" })
            Assert.True(new FileInfo(Path.Combine(CliRunner.RunFolderOf(classify.Output), picture)).Length > 10_000, picture);

        var regress = cli.Train(config, "--set", "model.type=linear", "--set", "data.target=petal_width");
        Assert.True(regress.ExitCode == 0, regress.Error + regress.Output);
        Assert.True(new FileInfo(Path.Combine(CliRunner.RunFolderOf(regress.Output), "residuals.png")).Length > 10_000);
    }
}
