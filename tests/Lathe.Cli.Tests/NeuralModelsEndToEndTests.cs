using System.Globalization;
using System.Text.Json.Nodes;

namespace Lathe.Cli.Tests;

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
