using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Lathe.Cli.Tests;

public class SelfTrainingEndToEndTests
{
    /// <summary>
    /// Two clusters side by side (left around x = −2, right around x = 2), tall in y. The labelled rows come
    /// only from the top of the left cluster and the bottom of the right one; every other part covers both.
    /// </summary>
    private static string Rows(Random random, int count, bool biased, bool withLabels, bool header = true)
    {
        var text = new StringBuilder(header ? "x,y,side\n" : "");
        for (var i = 0; i < count; i++)
        {
            var left = i % 2 == 0;
            double x, y;
            do
            {
                x = (left ? -2 : 2) + Gaussian(random);
                y = 3 * Gaussian(random);
            } while (biased && (left ? y <= 4 : y >= -4));
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{x:0.####},{y:0.####},{(withLabels ? (left ? "left" : "right") : "")}\n"));
        }
        return text.ToString();
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Self_training_beats_the_labelled_only_model_records_its_rounds_and_with_nothing_confident_equals_it()
    {
        using var cli = new CliRunner();
        var random = new Random(3);
        var labelled = Rows(random, 10, biased: true, withLabels: true);
        // The training file holds the 10 labelled rows and 200 rows with an empty target; 200 more come from data.unlabeled.
        cli.Write("train.csv", labelled + Rows(random, 200, biased: false, withLabels: false, header: false));
        cli.Write("unlabeled.csv", Rows(random, 200, biased: false, withLabels: false).Replace(",\n", "\n").Replace("x,y,side", "x,y"));
        cli.Write("labelled.csv", labelled);
        cli.Write("validation.csv", Rows(random, 200, biased: false, withLabels: true));
        cli.Write("test.csv", Rows(random, 200, biased: false, withLabels: true));
        const string Common = """
            data: { validation: validation.csv, test: test.csv, target: side }
            model: { type: knn, k: 3, weights: distance }
            """;
        string Config(string name, string data, string train) => cli.Write(name + ".yaml", $"name: {name}\n{Common.Replace("data: {", "data: {" + data)}\n{train}\n");

        var baseline = cli.Train(Config("labelled-only", " train: labelled.csv,", ""));
        Assert.True(baseline.ExitCode == 0, baseline.Error + baseline.Output);
        var selfTrained = cli.Train(Config("self", " train: train.csv, unlabeled: unlabeled.csv,",
            "train: { self_training: { rounds: 10, min_confidence: 0.9, max_share: 0.1 } }"));
        Assert.True(selfTrained.ExitCode == 0, selfTrained.Error + selfTrained.Output);
        var nothing = cli.Train(Config("nothing", " train: train.csv, unlabeled: unlabeled.csv,",
            "train: { self_training: { rounds: 10, min_confidence: 1.01 } }"));
        Assert.True(nothing.ExitCode == 0, nothing.Error + nothing.Output);

        double Accuracy((int, string Output, string) run, string part) =>
            (double)JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RunFolderOf(run.Output), "metrics.json")))![part]!["accuracy"]!;
        Assert.True(Accuracy(selfTrained, "validation") >= Accuracy(baseline, "validation") + 0.05,
            $"self-trained {Accuracy(selfTrained, "validation")} vs labelled only {Accuracy(baseline, "validation")}");
        Assert.True(Accuracy(selfTrained, "test") > Accuracy(baseline, "test"));
        Assert.Equal(Accuracy(baseline, "validation"), Accuracy(nothing, "validation"));
        Assert.Equal(Accuracy(baseline, "test"), Accuracy(nothing, "test"));

        Assert.Contains("self-training: 400 unlabeled rows", selfTrained.Output);
        Assert.Contains("self-training round 1: fitted on 10 rows", selfTrained.Output);
        Assert.Contains("added 40 pseudo-labelled rows", selfTrained.Output);
        Assert.Contains("train 10 rows, validation 200 rows, test 200 rows", selfTrained.Output); // unlabeled rows never join validation or test
        var run = CliRunner.RunFolderOf(selfTrained.Output);
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "self_training.json")))!;
        var rounds = record["rounds"]!.AsArray();
        Assert.True(rounds.Count >= 2);
        Assert.Equal(400, (int)record["unlabeled_rows"]!);
        Assert.Equal(rounds.Sum(r => (int)r!["added"]!), (int)record["pseudo_labelled_rows"]!);
        Assert.Equal(Accuracy(selfTrained, "validation"), (double)record["final"]!["validation"]!["accuracy"]!, 6);
        var model = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "model", "model.json")))!;
        Assert.Equal((int)record["pseudo_labelled_rows"]!, (int)model["metrics"]!["self_training"]!["pseudo_labelled_rows"]!);
    }

    [Fact]
    public void Unlabeled_rows_without_self_training_and_labels_in_the_unlabeled_file_are_clear_errors()
    {
        using var cli = new CliRunner();
        var random = new Random(1);
        cli.Write("train.csv", Rows(random, 20, biased: false, withLabels: true) + Rows(random, 10, biased: false, withLabels: false, header: false));
        cli.Write("labelled.csv", Rows(random, 10, biased: false, withLabels: true));
        var plain = cli.Write("plain.yaml", "data: { path: train.csv, target: side }\nmodel: { type: knn, k: 3 }\n");
        var (code, _, error) = cli.Train(plain);
        Assert.Equal(3, code);
        Assert.Contains("train.csv:22: no value in the target column 'side'", error);
        Assert.Contains("train.self_training", error);

        var orphan = cli.Write("orphan.yaml", "data: { path: train.csv, target: side, unlabeled: labelled.csv }\nmodel: { type: knn, k: 3 }\n");
        Assert.Contains("add train.self_training", cli.Train(orphan).Error);

        var labelledAsUnlabeled = cli.Write("bad.yaml",
            "data: { path: train.csv, target: side, unlabeled: labelled.csv }\nmodel: { type: knn, k: 3 }\ntrain: { self_training: { rounds: 2 } }\n");
        var bad = cli.Train(labelledAsUnlabeled);
        Assert.Equal(3, bad.ExitCode);
        Assert.Contains("labelled.csv: row 1 has a value in the target column 'side'", bad.Error);

        var share = cli.Write("share.yaml", "data: { path: train.csv, target: side }\nmodel: { type: knn }\ntrain: { self_training: { max_share: 2 } }\n");
        var refused = cli.Train(share);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("train.self_training.max_share", refused.Error);
    }
}
