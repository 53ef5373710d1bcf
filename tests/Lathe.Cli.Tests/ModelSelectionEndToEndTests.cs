using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Lathe.Cli.Tests;

/// <summary>model.type auto: a search over model families, then the winner refitted on train + validation as a normal run.</summary>
public class ModelSelectionEndToEndTests
{
    private static string IrisConfig(CliRunner cli, string tune, string split = "{ method: stratified, validation: 0.2, test: 0.2 }", string extra = "")
    {
        File.Copy(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"), Path.Combine(cli.Folder, "iris.csv"), overwrite: true);
        return cli.Write("auto.yaml", $"""
            name: iris
            seed: 5
            data:
              path: iris.csv
              target: species
              split: {split}
            {extra}
            model:
              type: auto
            {tune}
            """);
    }

    private static JsonNode Json(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    private static string ModelTypeOf(string runFolder) =>
        File.ReadAllLines(Path.Combine(runFolder, "config.yaml")).SkipWhile(l => l != "model:").Skip(1).First().Trim()["type: ".Length..];

    [Fact]
    public void Train_with_auto_searches_the_families_prints_the_space_and_refits_the_best_trial_as_a_normal_run()
    {
        using var cli = new CliRunner();
        var config = IrisConfig(cli, "tune: { trials: 7, startup_trials: 7 }");
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        Assert.Contains("model.type auto: classification on 90 training rows; searching 7 trials (tpe) over logistic, naive_bayes, knn, svm, forest, gbdt, mlp, ranked by val_accuracy", output);
        Assert.Contains("  model.type: choice [logistic, naive_bayes, knn, svm, forest, gbdt, mlp]", output);
        Assert.Contains("  model.c: loguniform [0.001, 1000] when model.type is logistic or svm", output);
        Assert.DoesNotContain("val_loss does not compare", output); // the user did not choose a metric: no note

        var search = output.Split('\n').Single(l => l.StartsWith("search: ", StringComparison.Ordinal))["search: ".Length..].Trim();
        Assert.True(File.Exists(Path.Combine(search, "search.yaml")));
        var trials = File.ReadAllLines(Path.Combine(search, "trials.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(7, trials.Count);
        var header = File.ReadLines(Path.Combine(search, "trials.csv")).First().Split(',');
        var typeColumn = Array.IndexOf(header, "model.type");
        var best = trials.OrderByDescending(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ThenBy(r => int.Parse(r[0], CultureInfo.InvariantCulture)).First();

        // The run is an ordinary one of the winning family, with its params, scored on the test part.
        var run = CliRunner.RunFolderOf(output);
        Assert.StartsWith("iris-auto-", Path.GetFileName(search));
        Assert.StartsWith("iris-2", Path.GetFileName(run));
        Assert.Equal(best[typeColumn], ModelTypeOf(run));
        var metrics = Json(Path.Combine(run, "metrics.json"));
        Assert.Null(metrics["validation"]); // the validation rows were learned from
        Assert.True((double)metrics["test"]!["accuracy"]! > 0.8);
        var selection = metrics["selection"]!;
        Assert.True((bool)selection["auto"]!);
        Assert.Equal(int.Parse(best[0], CultureInfo.InvariantCulture), (int)selection["trial"]!);
        Assert.Equal(double.Parse(best[2], CultureInfo.InvariantCulture), (double)selection["validation_score"]!, 6);
        Assert.Equal(90 + 30, (int)selection["fit_rows"]!);
        Assert.Contains($"winner: {best[typeColumn]} (trial {best[0]}, val_accuracy", output);

        var predict = cli.Run("predict", run, "--input", Path.Combine(cli.Folder, "iris.csv"), "--output", Path.Combine(cli.Folder, "p.csv"));
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Equal(151, File.ReadAllLines(Path.Combine(cli.Folder, "p.csv")).Length);
    }

    [Fact]
    public void The_refit_learns_the_validation_rows_too()
    {
        // A 1-nearest-neighbour model stores the rows it was fitted on: the refit must hold train + validation.
        using var cli = new CliRunner();
        var config = IrisConfig(cli, """
            tune:
              trials: 1
              space:
                model.type: { choice: [knn] }
                model.k: { choice: [1] }
            """);
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        Assert.Contains("  model.k: choice [1]", output);
        Assert.DoesNotContain("model.trees", output); // the other families' params went with them
        var run = CliRunner.RunFolderOf(output);
        Assert.Equal("knn", ModelTypeOf(run));
        var stored = FindObject(Json(Path.Combine(run, "model", "model.json")), o => (string?)o["type"] == "knn" && o["rows"] is not null)!;
        Assert.Equal(120, (int)stored["rows"]!);
        var trialModel = FindObject(Json(Path.Combine(output.Split('\n').Single(l => l.StartsWith("search: ", StringComparison.Ordinal))["search: ".Length..].Trim(), "trial-0", "model", "model.json")),
            o => (string?)o["type"] == "knn" && o["rows"] is not null)!;
        Assert.Equal(90, (int)trialModel["rows"]!);
    }

    [Fact]
    public void A_network_winner_is_refitted_for_its_best_epoch_without_early_stopping()
    {
        using var cli = new CliRunner();
        var config = IrisConfig(cli, """
            tune:
              trials: 1
              space:
                model.type: { choice: [mlp] }
            """);
        var (code, output, error) = cli.Train(config, "--set", "train.epochs=12");
        Assert.True(code == 0, error + output);
        Assert.Contains("  train.epochs: choice [12] when model.type is mlp", output);
        var search = output.Split('\n').Single(l => l.StartsWith("search: ", StringComparison.Ordinal))["search: ".Length..].Trim();
        var history = Json(Path.Combine(search, "trial-0", "history.json")).AsArray();
        var bestEpoch = (int)history.MinBy(r => (double)r!["val_loss"]!)!["epoch"]!;
        var run = CliRunner.RunFolderOf(output);
        var yaml = File.ReadAllText(Path.Combine(run, "config.yaml"));
        Assert.Contains($"  epochs: {bestEpoch}\n", yaml);
        Assert.DoesNotContain("early_stopping", yaml);
        Assert.Equal(bestEpoch, (int)Json(Path.Combine(run, "metrics.json"))["epochs"]!);
    }

    [Fact]
    public void Tune_with_auto_selects_a_regressor_by_rmse_and_resumes_its_study()
    {
        using var cli = new CliRunner();
        var random = new Random(11);
        var csv = new StringBuilder("a,b,noise,y\n");
        for (var i = 0; i < 160; i++)
        {
            var (a, b) = (random.NextDouble() * 4 - 2, random.NextDouble() * 4 - 2);
            csv.Append(CultureInfo.InvariantCulture, $"{a:0.000},{b:0.000},{random.NextDouble():0.000},{3 * a - 2 * b + 0.1 * (random.NextDouble() - 0.5):0.000}\n");
        }
        File.WriteAllText(Path.Combine(cli.Folder, "linear.csv"), csv.ToString());
        var config = cli.Write("reg.yaml", """
            name: reg-auto
            data: { path: linear.csv, target: y, split: { method: holdout, validation: 0.2, test: 0.2 } }
            model: { type: auto }
            tune: { trials: 4, startup_trials: 4, metric: val_loss }
            """);
        var (code, output, error) = cli.Run("tune", config, "--runs-dir", cli.RunsDirectory);
        Assert.True(code == 0, error + output);
        Assert.Contains("over linear, knn, svm, forest, gbdt, mlp, ranked by val_rmse", output);
        Assert.Contains("minimize val_rmse", output);
        Assert.Contains("tune.metric val_loss does not compare model families (only networks report it); model.type auto ranks by val_rmse.", output);
        var run = CliRunner.RunFolderOf(output);
        var type = ModelTypeOf(run);
        Assert.Contains(type, new[] { "linear", "knn", "svm", "forest", "gbdt", "mlp" });
        var metrics = Json(Path.Combine(run, "metrics.json"));
        Assert.Equal("val_rmse", (string)metrics["selection"]!["metric"]!);
        Assert.True((double)metrics["test"]!["r2"]! > 0.8, $"{type}: r2 {metrics["test"]!["r2"]}");

        // lathe tune keeps the study: a larger total continues it in the same folder.
        var again = cli.Run("tune", config, "--runs-dir", cli.RunsDirectory, "--trials", "6");
        Assert.True(again.ExitCode == 0, again.Error + again.Output);
        Assert.Contains("4 trials done before: resuming", again.Output);
        Assert.Equal(6, File.ReadAllLines(Path.Combine(SearchOf(again.Output), "trials.csv")).Length - 1);
        Assert.Equal(SearchOf(output), SearchOf(again.Output));
    }

    [Fact]
    public void Auto_refuses_clustering_and_data_without_a_validation_part()
    {
        using var cli = new CliRunner();
        var clustering = IrisConfig(cli, "", extra: "  task: clustering");
        var (code, _, error) = cli.Train(clustering);
        Assert.Equal(2, code);
        Assert.Contains("model.type auto searches classifiers and regressors; for clustering choose kmeans, gmm or dbscan", error);

        var noValidation = IrisConfig(cli, "", split: "{ method: stratified, validation: 0, test: 0.2 }");
        var second = cli.Train(noValidation);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("ranks the models on the validation part, and there is none", second.Error);
        var crossValidated = cli.Train(IrisConfig(cli, ""), "--cv", "3");
        Assert.Equal(2, crossValidated.ExitCode);
        Assert.Contains("model.type auto runs a search and cannot be resumed or cross-validated", crossValidated.Error);

        var badPolicy = cli.Train(IrisConfig(cli, "tune: { failed_trials: maybe }"));
        Assert.Equal(2, badPolicy.ExitCode);
        Assert.Contains("tune.failed_trials 'maybe' is not one of stop, skip.", badPolicy.Error);
        Assert.False(Directory.Exists(cli.RunsDirectory) && Directory.EnumerateDirectories(cli.RunsDirectory).Any(), "a refused search leaves no folders");
    }

    [Fact]
    public void A_family_that_fails_on_the_config_is_skipped_and_a_search_where_all_fail_ends_with_the_first_error()
    {
        using var cli = new CliRunner();
        File.Copy(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"), Path.Combine(cli.Folder, "iris.csv"), overwrite: true);
        // model.kernel is an svm setting: a bad one fails every svm trial, and no other.
        const string yaml = """
            name: iris
            seed: 5
            data: { path: iris.csv, target: species, split: { method: stratified, validation: 0.2, test: 0.2 } }
            model: { type: auto, kernel: bogus }
            tune:
              trials: 4
              space:
                model.type: { choice: [svm, logistic] }
            """;
        var mixed = cli.Write("mixed.yaml", yaml);
        var (code, output, error) = cli.Train(mixed);
        Assert.True(code == 0, error + output);
        Assert.Contains("over svm, logistic, ranked by val_accuracy", output);
        Assert.Contains("failed: model.kernel: 'bogus' is not one of linear, rbf, poly, sigmoid.", output);
        Assert.Contains("trials: 3 complete, 1 failed", output);
        Assert.Equal("logistic", ModelTypeOf(CliRunner.RunFolderOf(output)));

        // Without tune.trials the budget is auto's 30, even though the config has a tune: section.
        var svmOnly = cli.Write("svm.yaml", yaml.Replace("[svm, logistic]", "[svm]").Replace("  trials: 4\n", ""));
        var failed = cli.Train(svmOnly);
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("searching 30 trials (tpe) over svm", failed.Output);
        Assert.Contains("trials: 30 failed", failed.Output); // it ends after its budget although failed trials leave the study short
        Assert.Contains("no trial of the search completed", failed.Error);
        Assert.Contains("The first error: model.kernel: 'bogus' is not one of linear, rbf, poly, sigmoid.", failed.Error);
    }

    [Fact]
    public void Auto_refuses_images_and_points_to_the_image_networks()
    {
        using var cli = new CliRunner();
        static byte[] Idx(int[] shape, byte[] values)
        {
            var bytes = new byte[4 + 4 * shape.Length + values.Length];
            (bytes[2], bytes[3]) = (0x08, (byte)shape.Length);
            for (var d = 0; d < shape.Length; d++) System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), shape[d]);
            values.CopyTo(bytes, 4 + 4 * shape.Length);
            return bytes;
        }
        File.WriteAllBytes(Path.Combine(cli.Folder, "images-idx3-ubyte"), Idx([40, 4, 4], [.. Enumerable.Range(0, 640).Select(i => (byte)(i * 7 % 256))]));
        File.WriteAllBytes(Path.Combine(cli.Folder, "labels-idx1-ubyte"), Idx([40], [.. Enumerable.Range(0, 40).Select(i => (byte)(i % 2))]));
        var config = cli.Write("images.yaml", """
            name: images
            data: { path: images-idx3-ubyte, labels: labels-idx1-ubyte, target: label }
            model: { type: auto }
            """);
        var (code, _, error) = cli.Train(config);
        Assert.Equal(2, code);
        Assert.Contains("model.type auto is for tabular data; these are images: choose model.type cnn or resnet", error);
    }

    private static string SearchOf(string output) =>
        output.Split('\n').Single(l => l.StartsWith("search: ", StringComparison.Ordinal))["search: ".Length..].Trim();

    private static JsonObject? FindObject(JsonNode? node, Func<JsonObject, bool> match) => node switch
    {
        JsonObject o when match(o) => o,
        JsonObject o => o.Select(kv => FindObject(kv.Value, match)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(n => FindObject(n, match)).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
