namespace Lathe.Cli.Tests;

public class DoctorEndToEndTests
{
    /// <summary>Trains iris with the given overrides, runs `lathe doctor` on the run, and returns its output and doctor.json.</summary>
    private static (string Output, System.Text.Json.Nodes.JsonNode Report) TrainAndDiagnose(params string[] overrides)
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Train(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), overrides);
        Assert.True(code == 0, error + output);
        var run = CliRunner.RunFolderOf(output);
        var doctor = cli.Run("doctor", run);
        Assert.True(doctor.ExitCode == 0, doctor.Error);
        return (doctor.Output, System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(run, "doctor.json")))!);
    }

    private static string[] Kinds(System.Text.Json.Nodes.JsonNode report) => [.. report["findings"]!.AsArray().Select(f => (string)f!["kind"]!)];

    [Fact]
    public void A_big_network_trained_long_on_few_rows_is_diagnosed_as_overfitting()
    {
        var (output, report) = TrainAndDiagnose("--set", "model.hidden=[256,256]", "--set", "train.epochs=150", "--set", "train.early_stopping=null",
            "--set", "data.split.validation=0.5");
        Assert.Equal(["overfitting"], Kinds(report));
        Assert.Contains("try: Stop at the best validation loss:  train.early_stopping", output);
    }

    [Fact]
    public void A_huge_learning_rate_is_diagnosed_as_too_high()
    {
        var (output, report) = TrainAndDiagnose("--set", "train.optimizer.type=sgd", "--set", "train.optimizer.lr=5", "--set", "train.epochs=20");
        Assert.Equal(["learning_rate_too_high"], Kinds(report));
        Assert.Contains("train.optimizer.lr: 0.5", output);
    }

    [Fact]
    public void A_tiny_learning_rate_is_diagnosed_as_too_low()
    {
        var (output, report) = TrainAndDiagnose("--set", "train.optimizer.type=sgd", "--set", "train.optimizer.lr=0.001", "--set", "train.epochs=30");
        Assert.Equal(["learning_rate_too_low"], Kinds(report));
        Assert.Contains("train.optimizer.lr: 0.01", output);
    }

    [Fact]
    public void A_model_that_cannot_learn_is_diagnosed_as_underfitting()
    {
        // A rate too small to move the weights: the loss stays flat at the level of guessing.
        var (_, report) = TrainAndDiagnose("--set", "train.optimizer.type=sgd", "--set", "train.optimizer.lr=0.00003", "--set", "train.epochs=30");
        Assert.Equal(["underfitting"], Kinds(report));
    }

    [Fact]
    public void Data_sufficiency_is_judged_from_a_curve_kept_in_the_run_folder()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Train(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), "--set", "model.type=tree");
        Assert.True(code == 0, error + output);
        var run = CliRunner.RunFolderOf(output);
        var plain = cli.Run("doctor", run);
        Assert.Contains("data sufficiency: not measured", plain.Output);

        var doctor = cli.Run("doctor", run, "--data-sufficiency", "--sizes", "0.3,0.6,1", "--repeats", "2");
        Assert.True(doctor.ExitCode == 0, doctor.Error + doctor.Output);
        Assert.True(File.Exists(Path.Combine(run, "size_curve.json")));
        Assert.True(new FileInfo(Path.Combine(run, "learning_curve_size.png")).Length > 10_000);
        var kinds = Kinds(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(run, "doctor.json")))!);
        Assert.Single(kinds, k => k.StartsWith("more_data", StringComparison.Ordinal));
        Assert.Contains("fitted power law expects", doctor.Output);
        // The curve stays with the run: a later plain `lathe doctor` still judges the data.
        Assert.Contains("fitted power law expects", cli.Run("doctor", run).Output);
    }
}
