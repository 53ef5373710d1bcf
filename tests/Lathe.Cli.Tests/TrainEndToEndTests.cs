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

public class LearningRateFindEndToEndTests
{
    [Fact]
    public void Lr_find_suggests_a_rate_and_writes_its_plot_and_table()
    {
        using var cli = new CliRunner();
        var output = Path.Combine(cli.Folder, "lr");
        var (code, stdout, error) = cli.Run("lr-find", Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--output", output);
        Assert.True(code == 0, error);
        var line = stdout.Split('\n').Single(l => l.StartsWith("suggested lr: "));
        var rate = double.Parse(line["suggested lr: ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.InRange(rate, 1e-4, 1);
        Assert.Contains("--set train.optimizer.lr=", stdout);
        Assert.True(new FileInfo(Path.Combine(output, "lr_find.png")).Length > 10_000);
        Assert.StartsWith("lr,loss,smoothed_loss", File.ReadAllText(Path.Combine(output, "lr_find.csv")));
    }
}

public class FinetuneEndToEndTests
{
    [Fact]
    public void A_run_can_start_from_another_run_s_weights_with_frozen_layers()
    {
        using var cli = new CliRunner();
        var iris = Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml");
        var first = cli.Train(iris, "--set", "train.epochs=20");
        Assert.True(first.ExitCode == 0, first.Error);
        var pretrained = CliRunner.RunFolderOf(first.Output);

        var second = cli.Train(iris, "--set", $"model.pretrained={pretrained}", "--set", "finetune.freeze=[layers.linear0]",
            "--set", "finetune.lr_multipliers={layers.linear1: 0.1}", "--set", "train.epochs=5");
        Assert.True(second.ExitCode == 0, second.Error + second.Output);
        Assert.Contains("pretrained: loaded 6 tensors", second.Output);
        Assert.Contains("epoch 1: frozen layers: layers.linear0", second.Output);
        Assert.Contains($"pretrained: {pretrained}", File.ReadAllText(Path.Combine(CliRunner.RunFolderOf(second.Output), "config.yaml")));

        var missing = cli.Train(iris, "--set", "model.pretrained=no-such-run");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("model.pretrained: '", missing.Error);

        var model = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RunFolderOf(second.Output), "model", "model.json")))!;
        Assert.Equal(6, model["pipeline"]!["model"]!["pretrained"]!["loaded"]!.AsArray().Count);

        var withoutPretrained = cli.Train(iris, "--set", "finetune.freeze=[layers.linear0]");
        Assert.Equal(2, withoutPretrained.ExitCode);
        Assert.Contains("set model.pretrained", withoutPretrained.Error);
    }
}

public class GenerationEndToEndTests
{
    [Fact]
    public void A_gpt_run_reports_perplexity_and_lathe_generate_continues_a_prompt()
    {
        using var cli = new CliRunner();
        cli.Write("corpus.txt", string.Join("\n", Enumerable.Range(0, 400).Select(i => $"the {(i % 2 == 0 ? "cat" : "dog")} sat on mat {i % 3}.")) + "\n");
        var config = cli.Write("config.yaml", """
            name: tiny-gpt
            data: { path: corpus.txt }
            model: { type: gpt, context: 24, layers: 2, heads: 2, dim: 32, dropout: 0 }
            train:
              epochs: 25
              batch_size: 16
              optimizer: { type: adamw, lr: 0.003 }
            """);
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        Assert.Contains("task generation", output);
        Assert.Contains("val_perplexity", output);
        var run = CliRunner.RunFolderOf(output);
        var perplexity = CliRunner.TestMetric(output, "perplexity");
        Assert.InRange(perplexity, 1.0, 2.0);

        var generated = cli.Run("generate", run, "--prompt", "the ", "--tokens", "30", "--temperature", "0.5", "--seed", "1");
        Assert.True(generated.ExitCode == 0, generated.Error);
        Assert.Matches(@"^the (cat|dog) sat on mat \d\.", generated.Output);

        var predict = cli.Run("predict", run, "--input", Path.Combine(cli.Folder, "corpus.txt"), "--output", Path.Combine(cli.Folder, "p.csv"));
        Assert.Equal(2, predict.ExitCode);
        Assert.Contains("lathe generate", predict.Error);
    }
}

public class TextClassificationEndToEndTests
{
    [Fact]
    public void A_gru_classifies_a_text_column_of_a_csv_and_predict_returns_the_labels()
    {
        using var cli = new CliRunner();
        var random = new Random(4);
        string[] good = ["good", "great", "fine"], bad = ["bad", "awful", "dull"];
        var rows = new List<string> { "id,review,label" };
        for (var i = 0; i < 240; i++)
        {
            var positive = i % 2 == 0;
            var word = positive ? good[random.Next(3)] : bad[random.Next(3)];
            rows.Add($"{i},\"the plot was {word}, really\",{(positive ? "pos" : "neg")}");
        }
        cli.Write("reviews.csv", string.Join("\n", rows) + "\n");
        var config = cli.Write("config.yaml", """
            name: reviews
            data:
              path: reviews.csv
              target: label
              columns: { id: ignore, review: text }
            model: { type: gru, dim: 16, units: 32, dropout: 0 }
            train:
              epochs: 15
              batch_size: 16
              optimizer: { type: adam, lr: 0.005 }
            """);
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        Assert.Contains("gru text encoder", output);
        var accuracy = CliRunner.TestMetric(output, "accuracy");
        Assert.True(accuracy > 0.9, $"test accuracy {accuracy}");

        var input = cli.Write("new.csv", "review\n\"the plot was great, really\"\n\"the plot was awful, really\"\n");
        var predictions = Path.Combine(cli.Folder, "p.csv");
        var predict = cli.Run("predict", CliRunner.RunFolderOf(output), "--input", input, "--output", predictions);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var lines = File.ReadAllLines(predictions);
        Assert.StartsWith("pos,", lines[1]);
        Assert.StartsWith("neg,", lines[2]);
    }
}

public class BatchSizeFindEndToEndTests
{
    [Fact]
    public void Batch_find_prints_a_throughput_table_and_a_suggestion()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Run("batch-find", Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--max", "64");
        Assert.True(code == 0, error);
        Assert.Matches(@"batch\s+16:\s+[\d,]+ rows/s", output);
        Assert.Matches(@"suggested batch size: (16|32|64) \(", output);
        Assert.Contains("--set train.batch_size=", output);
    }
}

public class AutoencoderEndToEndTests
{
    [Fact]
    public void An_autoencoder_run_reports_reconstruction_error_and_predict_scores_odd_rows_higher()
    {
        using var cli = new CliRunner();
        var random = new Random(2);
        string Row(bool odd)
        {
            double a = random.NextDouble() * 2 - 1, b = random.NextDouble() * 2 - 1;
            double[] v = odd ? [.. Enumerable.Range(0, 4).Select(_ => random.NextDouble() * 2 - 1)] : [a, b, a + b, a - b];
            return string.Join(",", v.Select(x => x.ToString("0.####", CultureInfo.InvariantCulture)));
        }
        cli.Write("normal.csv", "x0,x1,x2,x3\n" + string.Join("\n", Enumerable.Range(0, 400).Select(_ => Row(false))) + "\n");
        var config = cli.Write("config.yaml", """
            name: ae
            data: { path: normal.csv, split: { method: holdout, validation: 0.2, test: 0.1 } }
            model: { type: autoencoder, hidden: [16, 2] }
            train: { epochs: 60, batch_size: 16, optimizer: { type: adam, lr: 0.01 } }
            """);
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        Assert.Contains("reconstruction_mse", output);

        var input = cli.Write("new.csv", "x0,x1,x2,x3\n" + string.Join("\n", Enumerable.Range(0, 40).Select(i => Row(odd: i >= 20))) + "\n");
        var scores = Path.Combine(cli.Folder, "scores.csv");
        var predict = cli.Run("predict", CliRunner.RunFolderOf(output), "--input", input, "--output", scores);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var lines = File.ReadAllLines(scores);
        Assert.Equal("reconstruction_error", lines[0]);
        var errors = lines.Skip(1).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(errors[20..].Average() > 5 * errors[..20].Average(), $"odd {errors[20..].Average()} vs normal {errors[..20].Average()}");

        var withTarget = cli.Train(config, "--set", "data.target=x0");
        Assert.Equal(2, withTarget.ExitCode);
        Assert.Contains("without a target", withTarget.Error);
    }
}

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
