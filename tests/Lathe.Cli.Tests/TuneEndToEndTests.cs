using System.Globalization;

namespace Lathe.Cli.Tests;

/// <summary>lathe tune on the iris data with a decision tree (fast): trials, leaderboard, best.yaml that trains, resume, workers.</summary>
public class TuneEndToEndTests
{
    private static string TreeConfig(CliRunner cli, string sampler = "tpe", string extra = "")
    {
        File.Copy(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"), Path.Combine(cli.Folder, "iris.csv"), overwrite: true);
        return cli.Write("tune.yaml", $"""
            name: iris-tree
            seed: 3
            data:
              path: iris.csv
              target: species
              split: {"{"} method: stratified, validation: 0.2, test: 0.2 {"}"}
            model:
              type: tree
            tune:
              trials: 6
              sampler: {sampler}
              startup_trials: 3
              metric: val_accuracy
              space:
                model.max_depth: {"{"} int: [1, 5] {"}"}
                model.criterion: {"{"} choice: [gini, entropy] {"}"}
                model.min_samples_leaf: {"{"} int: [1, 30], step: 5, when: {"{"} model.criterion: entropy {"}"} {"}"}
            {extra}
            """);
    }

    private static string[] TrialLines(string output) => [.. output.Split('\n').Where(l => l.StartsWith("trial ", StringComparison.Ordinal))];

    [Fact]
    public void Tune_runs_the_trials_writes_best_yaml_that_trains_and_resumes_to_a_larger_total()
    {
        using var cli = new CliRunner();
        var config = TreeConfig(cli);
        var (code, output, error) = cli.Run("tune", config, "--runs-dir", cli.RunsDirectory);
        Assert.True(code == 0, error + output);
        Assert.Equal(6, TrialLines(output).Length);
        var folder = CliRunner.RunFolderOf(output);
        Assert.StartsWith(Path.Combine(cli.RunsDirectory, "iris-tree-tune-"), folder);
        Assert.True(File.Exists(Path.Combine(cli.RunsDirectory, "lathe.db")), "the default storage is runs/lathe.db");
        for (var n = 0; n < 6; n++) Assert.True(File.Exists(Path.Combine(folder, $"trial-{n}", "metrics.json")), $"trial-{n} has no finished run");
        foreach (var picture in new[] { "optimization_history.png", "param_importances.png", "parallel_coordinates.png" })
            Assert.True(new FileInfo(Path.Combine(folder, picture)).Length > 10_000, $"{picture} looks empty");

        // The best trial is the one with the highest validation accuracy in trials.csv, and best.yaml holds its params.
        var rows = File.ReadAllLines(Path.Combine(folder, "trials.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(6, rows.Count);
        var best = rows.OrderByDescending(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ThenBy(r => int.Parse(r[0], CultureInfo.InvariantCulture)).First();
        Assert.Contains($"best trial {best[0]}: val_accuracy", output);
        var bestYaml = File.ReadAllText(Path.Combine(folder, "best.yaml"));
        Assert.Contains($"max_depth: {best[3]}", bestYaml);
        Assert.Contains($"criterion: {best[4]}", bestYaml);
        // Conditional param: min_samples_leaf exists exactly in the entropy trials.
        Assert.All(rows, r => Assert.Equal(r[4] == "entropy", r[5].Length > 0));

        // trials and best.yaml are plain training configs: no search settings (nor a storage password) in them
        Assert.DoesNotMatch("(?m)^tune:", File.ReadAllText(Path.Combine(folder, "trial-0", "config.yaml")));
        Assert.DoesNotMatch("(?m)^tune:", bestYaml);
        var train = cli.Train(Path.Combine(folder, "best.yaml"));
        Assert.True(train.ExitCode == 0, train.Error);
        var runFolder = CliRunner.RunFolderOf(train.Output);
        var trainedAccuracy = (double)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(runFolder, "metrics.json")))!["validation"]!["accuracy"]!;
        Assert.Equal(double.Parse(best[2], CultureInfo.InvariantCulture), trainedAccuracy, 6);

        // Same command, larger total: continues the study in the same folder with trials 6..8.
        var again = cli.Run("tune", config, "--runs-dir", cli.RunsDirectory, "--trials", "9");
        Assert.True(again.ExitCode == 0, again.Error + again.Output);
        Assert.Contains("6 trials done before: resuming", again.Output);
        Assert.Equal(["trial   6", "trial   7", "trial   8"], TrialLines(again.Output).Select(l => l[..9]).Order());
        Assert.Equal(folder, CliRunner.RunFolderOf(again.Output));
        Assert.Equal(9, File.ReadAllLines(Path.Combine(folder, "trials.csv")).Length - 1);
    }

    [Fact]
    public void Median_pruner_stops_bad_boosting_trials_early()
    {
        using var cli = new CliRunner();
        File.Copy(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"), Path.Combine(cli.Folder, "iris.csv"));
        var config = cli.Write("gbdt.yaml", """
            name: iris-gbdt
            seed: 5
            data: { path: iris.csv, target: species, split: { method: stratified, validation: 0.2, test: 0.2 } }
            model: { type: gbdt, rounds: 40 }
            tune:
              trials: 8
              sampler: random
              pruner: median
              pruner_startup_trials: 2
              warmup_steps: 5
              metric: val_loss
              space:
                model.learning_rate: { loguniform: [1.0e-4, 0.5] }
            """);
        var (code, output, error) = cli.Run("tune", config, "--runs-dir", cli.RunsDirectory, "--storage", "memory");
        Assert.True(code == 0, error + output);
        var folder = CliRunner.RunFolderOf(output);
        var rows = File.ReadAllLines(Path.Combine(folder, "trials.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var pruned = rows.Where(r => r[1] == "pruned").ToList();
        Assert.NotEmpty(pruned);
        foreach (var r in rows)
        {
            var rounds = File.ReadAllLines(Path.Combine(folder, $"trial-{r[0]}", "history.csv")).Length - 1;
            if (r[1] == "pruned") Assert.InRange(rounds, 6, 39); // judged only after the warm-up, and stopped before the end
            else Assert.Equal(40, rounds);
        }
        // the best trial is a complete one with the lowest final val_loss
        var best = rows.Where(r => r[1] == "complete").MinBy(r => double.Parse(r[2], CultureInfo.InvariantCulture))!;
        Assert.Contains($"best trial {best[0]}: val_loss", output);
    }

    [Fact]
    public void Worker_processes_share_the_study_and_run_each_grid_point_once()
    {
        using var cli = new CliRunner();
        var config = TreeConfig(cli, sampler: "grid");
        // grid: 5 depths × (gini + entropy × 6 leaf sizes) = 35 points; ask for 8 trials with 2 workers
        var (code, output, error) = cli.Run("tune", config, "--runs-dir", cli.RunsDirectory, "--workers", "2", "--trials", "8");
        Assert.True(code == 0, error + output);
        var folder = CliRunner.RunFolderOf(output);
        var rows = File.ReadAllLines(Path.Combine(folder, "trials.csv")).Skip(1).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(8, rows.Select(r => string.Join(",", r.Split(',').Skip(3))).Distinct().Count());
        Assert.Equal(8, TrialLines(output).Length);
        Assert.True(File.Exists(Path.Combine(folder, "worker-0.log")) && File.Exists(Path.Combine(folder, "worker-1.log")));
    }

    [Fact]
    public void Bad_tune_sections_are_config_errors_naming_the_field()
    {
        using var cli = new CliRunner();
        var unknownKey = cli.Run("tune", TreeConfig(cli, extra: "    model.nope: { int: [1, 2] }"), "--runs-dir", cli.RunsDirectory);
        Assert.Equal(2, unknownKey.ExitCode);
        Assert.Contains("tune.space.model.nope", unknownKey.Error);

        // a knob no model type of the study reads: every trial would ignore it
        var unread = cli.Run("tune", TreeConfig(cli, extra: "    model.trees: { int: [10, 50] }"), "--runs-dir", cli.RunsDirectory);
        Assert.Equal(2, unread.ExitCode);
        Assert.Contains("tune.space.model.trees: model.type tree never reads model.trees (read by forest)", unread.Error);
        var narrowed = cli.Run("tune", TreeConfig(cli, extra: "    model.type: { choice: [tree, knn] }\n    model.trees: { int: [10, 50], when: { model.type: knn } }"),
            "--runs-dir", cli.RunsDirectory);
        Assert.Equal(2, narrowed.ExitCode);
        Assert.Contains("model.type knn never reads model.trees", narrowed.Error);
        var read = cli.Run("tune", TreeConfig(cli, extra: "    model.type: { choice: [tree, forest] }\n    model.trees: { int: [10, 50], when: { model.type: forest } }"),
            "--runs-dir", cli.RunsDirectory, "--trials", "2");
        Assert.True(read.ExitCode == 0, read.Error + read.Output);
        // a base-config key the fixed model type ignores is a warning once, at the top
        var ignored = cli.Run("tune", TreeConfig(cli), "--runs-dir", cli.RunsDirectory, "--trials", "1", "--set", "model.k=9");
        Assert.True(ignored.ExitCode == 0, ignored.Error + ignored.Output);
        Assert.Single(ignored.Output.Split('\n'), l => l.StartsWith("warning: model.k (9) is not used by model.type tree", StringComparison.Ordinal));

        var gridOfReals = cli.Run("tune", TreeConfig(cli, sampler: "grid", extra: "    model.ccp_alpha: { uniform: [0, 0.1] }"), "--runs-dir", cli.RunsDirectory);
        Assert.Equal(2, gridOfReals.ExitCode);
        Assert.Contains("model.ccp_alpha", gridOfReals.Error);
        Assert.Contains("grid", gridOfReals.Error);

        var twoKinds = cli.Run("tune", TreeConfig(cli, extra: "    model.ccp_alpha: { uniform: [0, 0.1], choice: [0, 1] }"), "--runs-dir", cli.RunsDirectory);
        Assert.Equal(2, twoKinds.ExitCode);
        Assert.Contains("exactly one of", twoKinds.Error);

        var memoryWorkers = cli.Run("tune", TreeConfig(cli), "--runs-dir", cli.RunsDirectory, "--storage", "memory", "--workers", "2");
        Assert.Equal(2, memoryWorkers.ExitCode);
        Assert.Contains("--workers", memoryWorkers.Error);
        var noSection = cli.Run("tune", Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--runs-dir", cli.RunsDirectory);
        Assert.Equal(2, noSection.ExitCode);
        Assert.Contains("has no tune: section", noSection.Error);
        Assert.DoesNotContain("   at ", noSection.Error + unknownKey.Error + gridOfReals.Error + twoKinds.Error + memoryWorkers.Error);
    }
}
