using System.Text.RegularExpressions;
using Lathe.Data;
using Lathe.Synthetic;

namespace Lathe.Cli.Tests;

public class BalanceEndToEndTests
{
    /// <summary>Two overlapping classes, one 20 times rarer than the other.</summary>
    private static string ImbalancedCsv(CliRunner cli)
    {
        var all = Generators.Classification(new ClassificationOptions
        {
            Rows = 4000, Features = 4, Informative = 2, Redundant = 0, ClustersPerClass = 1, ClassSeparation = 0.7, LabelNoise = 0,
        }, seed: 3);
        var label = (CategoricalColumn)all["label"];
        var rare = 0;
        var keep = Enumerable.Range(0, all.RowCount).Where(r => label[r] == 0 || rare++ % 20 == 0).ToArray();
        var path = Path.Combine(cli.Folder, "imbalanced.csv");
        TableCsvWriter.Write(all.Take(keep), path);
        cli.Write("config.yaml", "name: imbalanced\nseed: 1\ndata:\n  path: imbalanced.csv\n  target: label\n" +
                                 "  split: { method: stratified, validation: 0.2, test: 0.3 }\nmodel:\n  type: logistic\n");
        return Path.Combine(cli.Folder, "config.yaml");
    }

    [Fact]
    public void Smote_balances_the_training_rows_only_and_raises_the_balanced_accuracy()
    {
        using var cli = new CliRunner();
        var config = ImbalancedCsv(cli);
        var plain = cli.Train(config);
        Assert.True(plain.ExitCode == 0, plain.Error + plain.Output);
        var balanced = cli.Train(config, "--set", "data.balance={ method: smote, k: 5 }");
        Assert.True(balanced.ExitCode == 0, balanced.Error + balanced.Output);

        var line = balanced.Output.Split('\n').Single(l => l.StartsWith("balance: "));
        var counts = Regex.Match(line, @"class0 (\d+), class1 (\d+) → class0 (\d+), class1 (\d+)");
        Assert.True(counts.Success, line);
        Assert.Equal(counts.Groups[1].Value, counts.Groups[3].Value);
        Assert.Equal(counts.Groups[3].Value, counts.Groups[4].Value);
        Assert.True(int.Parse(counts.Groups[2].Value) * 10 < int.Parse(counts.Groups[1].Value), line);

        var before = CliRunner.TestMetric(plain.Output, "balanced_accuracy");
        var after = CliRunner.TestMetric(balanced.Output, "balanced_accuracy");
        Assert.True(after > before + 0.05, $"test balanced accuracy {before:F3} → {after:F3}");
    }

    [Fact]
    public void Cross_validation_balances_each_training_fold_and_holds_out_real_rows()
    {
        using var cli = new CliRunner();
        var config = ImbalancedCsv(cli);
        var plain = cli.Train(config, "--cv", "3");
        var balanced = cli.Train(config, "--cv", "3", "--set", "data.balance.method=smote");
        Assert.True(balanced.ExitCode == 0, balanced.Error + balanced.Output);
        static (int Train, int HeldOut)[] Folds(string output) =>
            [.. Regex.Matches(output, @"fold \d/3: (\d+) training rows, (\d+) held out").Select(m => (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)))];
        var (p, b) = (Folds(plain.Output), Folds(balanced.Output));
        Assert.Equal(3, b.Length);
        Assert.Equal(p.Select(f => f.HeldOut), b.Select(f => f.HeldOut));
        Assert.All(p.Zip(b), f => Assert.True(f.Second.Train > f.First.Train * 1.5, $"{f.First.Train} → {f.Second.Train}"));
    }

    [Fact]
    public void Learning_curves_and_the_finders_balance_the_training_rows_as_training_does()
    {
        using var cli = new CliRunner();
        var config = ImbalancedCsv(cli);
        string[] Curve(params string[] extra)
        {
            var result = cli.Run(["curve", config, "--sizes", "0.5,1", "--runs-dir", cli.RunsDirectory, .. extra]);
            Assert.True(result.ExitCode == 0, result.Error + result.Output);
            return [.. result.Output.Split('\n').Where(l => Regex.IsMatch(l, @"^\d+ rows: "))];
        }
        var (plain, balanced) = (Curve(), Curve("--set", "data.balance.method=smote"));
        Assert.Equal(2, balanced.Length);
        // the same real rows are counted and scored; the fits learned from balanced rows, so the scores move
        Assert.Equal(plain.Select(l => l.Split(':')[0]), balanced.Select(l => l.Split(':')[0]));
        Assert.NotEqual(plain, balanced);

        var finder = cli.Run("lr-find", config, "--set", "model.type=mlp", "--set", "data.balance.method=smote", "--output", Path.Combine(cli.Folder, "lr"));
        Assert.True(finder.ExitCode == 0, finder.Error + finder.Output);
        Assert.Contains("balance: smote", finder.Output);
    }

    [Fact]
    public void Balancing_a_regression_or_a_bad_setting_is_a_config_error()
    {
        using var cli = new CliRunner();
        var config = ImbalancedCsv(cli);
        var badK = cli.Train(config, "--set", "data.balance.k=0");
        Assert.Equal(2, badK.ExitCode);
        Assert.Contains("data.balance.k must be at least 1", badK.Error);
        var badMethod = cli.Train(config, "--set", "data.balance.method=adasyn");
        Assert.Equal(2, badMethod.ExitCode);
        Assert.Contains("data.balance.method 'adasyn' is not one of smote, none", badMethod.Error);
        var regression = cli.Train(config, "--set", "data.target=x0", "--set", "model.type=linear", "--set", "data.balance.method=smote");
        Assert.Equal(2, regression.ExitCode);
        Assert.Contains("data.balance: SMOTE balances classes, but this run's task is regression", regression.Error);
    }
}
