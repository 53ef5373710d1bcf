using Lathe.Experiments.Runs;
using Lathe.Tracking.Store;
using Lathe.Training;
using SkiaSharp;

namespace Lathe.Cli.Tests;

/// <summary>Every lathe train and tuning trial records itself in the run store; lathe runs list, show and compare read it.</summary>
public class TrackingEndToEndTests
{
    private static string MlpConfig(CliRunner cli, string name = "iris-mlp", string extra = "")
    {
        File.Copy(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"), Path.Combine(cli.Folder, "iris.csv"), overwrite: true);
        return cli.Write($"{name}.yaml", $"""
            name: {name}
            seed: 1
            data:
              path: iris.csv
              target: species
            model:
              type: mlp
              hidden: [8]
            train:
              epochs: 2
              batch_size: 16
            {extra}
            """);
    }

    private (int, string, string) Runs(CliRunner cli, params string[] args) => cli.Run(["runs", .. args, "--runs-dir", cli.RunsDirectory]);

    [Fact]
    public void Two_trainings_are_listed_shown_and_compared_with_both_curves_in_the_plot()
    {
        using var cli = new CliRunner();
        var config = MlpConfig(cli);
        var first = cli.Train(config);
        Assert.True(first.Item1 == 0, first.Item3 + first.Item2);
        var second = cli.Train(config, "--set", "train.optimizer.lr=0.05");
        Assert.True(second.Item1 == 0, second.Item3 + second.Item2);
        Assert.True(File.Exists(Path.Combine(cli.RunsDirectory, "lathe.db")), "the default run store is <runs-dir>/lathe.db");

        var (code, list, error) = Runs(cli, "list");
        Assert.True(code == 0, error);
        var rows = list.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id  name", rows[0]);
        Assert.Equal(3, rows.Length);
        Assert.Matches(@"^2\s+iris-mlp\s+mlp\s+finished\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\S+s\s+accuracy \d\.\d{4}\s+accuracy \d\.\d{4}$", rows[1]);
        Assert.StartsWith("1 ", rows[2]);
        var testAccuracy = CliRunner.TestMetric(first.Item2, "accuracy");
        Assert.EndsWith($"accuracy {testAccuracy:0.0000}", rows[2]);

        // show by run folder finds the same run as by id
        var (showCode, show, showError) = Runs(cli, "show", CliRunner.RunFolderOf(first.Item2));
        Assert.True(showCode == 0, showError);
        Assert.Equal(show, Runs(cli, "show", "1").Item2);
        Assert.Contains("run 1: iris-mlp (finished)", show);
        Assert.Contains("  model.type = mlp", show);
        Assert.Contains("  model.hidden = [8]", show);
        Assert.Contains("  train.optimizer.lr = 0.001", show);
        Assert.Contains($"test: accuracy {testAccuracy:0.0000}", show);
        Assert.Matches(@"last step \(2\): .*train_loss \d\.\d{4}.*val_loss \d\.\d{4}", show);
        Assert.Contains("  metrics.json", show);
        Assert.Contains("  model/model.json", show);

        var png = Path.Combine(cli.Folder, "both.png");
        var (compareCode, compare, compareError) = Runs(cli, "compare", "1", "2", "--output", png);
        Assert.True(compareCode == 0, compareError);
        Assert.Contains("params that differ: 1", compare);
        Assert.Matches(@"train\.optimizer\.lr\s+0\.001\s+0\.05", compare);
        Assert.Matches(@"test accuracy\s+\d\.\d{4}\s+\d\.\d{4}", compare);
        Assert.EndsWith($"plot: {png}\n", compare);
        // Run 1 is drawn in the palette's blue, run 2 in its orange: both curves are on the picture.
        using var bitmap = SKBitmap.Decode(png);
        Assert.True(Count(bitmap, new SKColor(0x1f, 0x77, 0xb4)) > 300, "run 1's curves are missing");
        Assert.True(Count(bitmap, new SKColor(0xff, 0x7f, 0x0e)) > 300, "run 2's curves are missing");
    }

    [Fact]
    public void A_cross_validation_is_recorded_as_one_run_with_a_step_per_fold_and_the_mean_as_its_validation_score()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Train(MlpConfig(cli), "--cv", "3");
        Assert.True(code == 0, error + output);
        var (showCode, show, showError) = Runs(cli, "show", "1");
        Assert.True(showCode == 0, showError);
        Assert.Contains("run 1: iris-mlp-cv (finished)", show);
        Assert.Contains("cv.folds = 3", show);
        Assert.Matches(@"last step \(3\): .*accuracy \d\.\d{4}", show);
        Assert.Contains("  cv.json", show);
        // the recorded validation accuracy is the mean of the folds, as cv.json says
        var cv = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(cli.RunsDirectory, Directory.GetDirectories(cli.RunsDirectory)[0], "cv.json")))!;
        Assert.Contains($"validation: accuracy {(double)cv["mean"]!["accuracy"]!:0.0000}", show);
    }

    [Fact]
    public void An_unknown_run_is_a_usage_error_naming_the_run_and_the_store()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, cli.Train(MlpConfig(cli)).Item1);
        var (code, _, error) = Runs(cli, "show", "42");
        Assert.Equal(2, code);
        Assert.Equal($"error: run '42' is not in the run store {Path.Combine(cli.RunsDirectory, "lathe.db")}; give a run id or run folder that `lathe runs list` shows.\n", error);
        Assert.Equal(2, Runs(cli, "compare", "1", "nope").Item1);
        var (noStore, _, noStoreError) = cli.Run("runs", "list", "--runs-dir", Path.Combine(cli.Folder, "elsewhere"));
        Assert.Equal(2, noStore);
        Assert.Contains("no run store here yet", noStoreError);
    }

    [Fact]
    public void A_tune_of_three_trials_records_three_runs_tagged_with_study_and_trial()
    {
        using var cli = new CliRunner();
        File.Copy(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"), Path.Combine(cli.Folder, "iris.csv"), overwrite: true);
        var config = cli.Write("tune.yaml", """
            name: iris-tree
            seed: 2
            data:
              path: iris.csv
              target: species
            model:
              type: tree
            tune:
              trials: 3
              sampler: random
              metric: val_accuracy
              space:
                model.max_depth: { int: [1, 4] }
            """);
        var (code, output, error) = cli.Run("tune", config, "--runs-dir", cli.RunsDirectory);
        Assert.True(code == 0, error + output);

        using var store = new SqliteRunStore(Path.Combine(cli.RunsDirectory, "lathe.db"));
        var runs = store.ListRuns("iris-tree").Select(r => store.GetRun(r.Id)!).ToList();
        Assert.Equal(3, runs.Count);
        Assert.All(runs, r => Assert.Equal("iris-tree", r.Tags["tune.study"]));
        Assert.Equal(["0", "1", "2"], runs.Select(r => r.Tags["tune.trial"]).Order());
        Assert.All(runs, r => Assert.Equal(RunStatus.Finished, r.Summary.Status));
        Assert.All(runs, r => Assert.EndsWith($"trial-{r.Tags["tune.trial"]}", r.Summary.Folder));
        // Each trial's params hold the depth it tried, as its run folder's config does.
        Assert.All(runs, r => Assert.Contains($"max_depth: {r.Params["model.max_depth"]}", File.ReadAllText(Path.Combine(r.Summary.Folder, "config.yaml"))));
    }

    [Fact]
    public void A_run_that_throws_is_recorded_as_failed_with_the_steps_it_made()
    {
        using var cli = new CliRunner();
        using var store = new InMemoryRunStore();
        var error = Assert.Throws<LatheException>(() => TrainingRun.Execute(MlpConfig(cli), [],
            new RunOptions { RunsDirectory = cli.RunsDirectory, RunStore = store, Callbacks = [new ThrowAtStep(2)] }));
        Assert.Equal("boom at step 2", error.Message);
        var run = store.GetRun(1)!;
        Assert.Equal(RunStatus.Failed, run.Summary.Status);
        Assert.NotNull(run.Summary.EndedAt);
        Assert.Equal("boom at step 2", run.Tags["error"]);
        Assert.Contains(store.MetricSeries(1), p => p.Step == 1 && p.Name == "val_loss");
        Assert.Contains("config.yaml", run.Artifacts);
    }

    [Fact]
    public void An_unreachable_store_warns_and_the_training_still_succeeds()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Train(MlpConfig(cli), "--tracking", "postgres://nobody@127.0.0.1:1/none?Timeout=1");
        Assert.True(code == 0, error + output);
        Assert.Single(output.Split('\n'), l => l.StartsWith("warning: tracking is off for this run: postgres://127.0.0.1:1/none: cannot connect", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(CliRunner.RunFolderOf(output), "metrics.json")));
    }

    [Fact]
    public void Tracking_off_records_nothing_and_a_bad_storage_is_a_config_error()
    {
        using var cli = new CliRunner();
        var config = MlpConfig(cli);
        Assert.Equal(0, cli.Train(config, "--tracking", "off").Item1);
        Assert.False(File.Exists(Path.Combine(cli.RunsDirectory, "lathe.db")));
        var (code, _, error) = cli.Train(config, "--tracking", "mongodb://x");
        Assert.Equal(2, code);
        Assert.Contains("tracking.storage: 'mongodb://x' is not a storage", error);
        var (emptyCode, _, emptyError) = cli.Train(config, "--set", "tracking.storage=");
        Assert.Equal(2, emptyCode);
        Assert.Contains("tracking.storage is empty", emptyError);
        var db = Path.Combine(cli.Folder, "elsewhere", "runs.db");
        Assert.Equal(0, cli.Train(config, "--tracking", "sqlite:" + db).Item1);
        Assert.Contains("iris-mlp", cli.Run("runs", "list", "--storage", "sqlite:" + db).Item2);
    }

    [PostgresFact]
    public void Trains_into_postgres_and_lists_from_there()
    {
        using var cli = new CliRunner();
        var name = "pg-" + Guid.NewGuid().ToString("N")[..8];
        var postgres = Environment.GetEnvironmentVariable("LATHE_TEST_POSTGRES")
            ?? throw new InvalidOperationException("CI=true but LATHE_TEST_POSTGRES is not set: scripts/test.sh must start PostgreSQL.");
        var (code, output, error) = cli.Train(MlpConfig(cli, name), "--tracking", postgres);
        Assert.True(code == 0, error + output);
        Assert.DoesNotContain("warning: tracking", output);
        var (listCode, list, _) = cli.Run("runs", "list", "--storage", postgres, "--name", name);
        Assert.Equal(0, listCode);
        Assert.Matches($@"\n\d+\s+{name}\s+mlp\s+finished", list);
    }

    private static int Count(SKBitmap bitmap, SKColor color)
    {
        var n = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - color.Red) < 12 && Math.Abs(p.Green - color.Green) < 12 && Math.Abs(p.Blue - color.Blue) < 12) n++;
            }
        return n;
    }

    private sealed class ThrowAtStep(int step) : ICallback
    {
        public void OnStep(StepReport report, FitContext context)
        {
            if (report.Step == step) throw LatheException.BadData($"boom at step {step}");
        }
    }
}

/// <summary>Needs the PostgreSQL server named by LATHE_TEST_POSTGRES; skipped without it, except under CI=true.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LATHE_TEST_POSTGRES") is not { Length: > 0 } && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "LATHE_TEST_POSTGRES is not set: run scripts/test.sh (as root, it starts a throwaway PostgreSQL 15).";
    }
}
