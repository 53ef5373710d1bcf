using System.Diagnostics;
using System.Globalization;

namespace Lathe.Cli.Tests;

public class ResumeEndToEndTests
{
    private static string Config(string dataPath) => $$"""
        name: resume
        seed: 11
        data:
          path: {{dataPath}}
          target: label
        model: { type: mlp, hidden: [128, 128], dropout: 0.1 }
        train:
          epochs: 8
          batch_size: 8
          optimizer: { type: adamw, lr: 0.003, weight_decay: 0.01 }
          schedule: { type: cosine, warmup_epochs: 1 }
          early_stopping: { monitor: val_loss, patience: 20 }
          device: cpu
        """;

    private static string Data()
    {
        var random = new Random(5);
        var rows = new List<string> { "a,b,c,label" };
        for (var i = 0; i < 1500; i++)
        {
            double a = random.NextDouble(), b = random.NextDouble(), c = random.NextDouble();
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{a:0.####},{b:0.####},{c:0.####},{(a + b > 1 ? "hi" : "lo")}"));
        }
        return string.Join("\n", rows) + "\n";
    }

    [Fact]
    public void A_killed_training_process_resumed_ends_with_the_same_model_as_an_uninterrupted_run()
    {
        using var cli = new CliRunner();
        var data = cli.Write("data.csv", Data());
        var config = cli.Write("config.yaml", Config(data));

        var straight = cli.Train(config);
        Assert.True(straight.ExitCode == 0, straight.Error);
        var straightRun = CliRunner.RunFolderOf(straight.Output);

        // Start the same training in its own process and SIGKILL it after its third epoch.
        var cliDll = Path.Combine(AppContext.BaseDirectory, "Lathe.Cli.dll");
        var killedRuns = Path.Combine(cli.Folder, "killed");
        var start = new ProcessStartInfo("dotnet", ["exec", cliDll, "train", config, "--runs-dir", killedRuns])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var process = Process.Start(start)!)
        {
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null && !line.StartsWith("epoch 3/")) { }
            Assert.NotNull(line);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        var killedRun = Directory.GetDirectories(killedRuns).Single();
        Assert.False(File.Exists(Path.Combine(killedRun, "metrics.json")), "the process finished before it was killed");

        var resumed = cli.Run("train", config, "--resume", killedRun);
        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Output);
        Assert.Contains("resumed from", resumed.Output);
        Assert.Equal(killedRun, CliRunner.RunFolderOf(resumed.Output));

        Assert.Equal(File.ReadAllBytes(Path.Combine(straightRun, "model", "weights.safetensors")),
            File.ReadAllBytes(Path.Combine(killedRun, "model", "weights.safetensors")));
        Assert.Equal(File.ReadAllText(Path.Combine(straightRun, "metrics.json")), File.ReadAllText(Path.Combine(killedRun, "metrics.json")));
        Assert.Equal(9, File.ReadAllLines(Path.Combine(killedRun, "history.csv")).Length); // header + 8 epochs, none twice

        var again = cli.Run("train", config, "--resume", killedRun);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already finished", again.Error);
    }

    [Fact]
    public void Resuming_a_folder_without_checkpoints_is_a_usage_error()
    {
        using var cli = new CliRunner();
        var config = cli.Write("config.yaml", Config(cli.Write("data.csv", Data())));
        Directory.CreateDirectory(Path.Combine(cli.Folder, "empty-run"));
        var (code, _, error) = cli.Run("train", config, "--resume", Path.Combine(cli.Folder, "empty-run"));
        Assert.Equal(2, code);
        Assert.Contains("no checkpoint yet", error);
    }
}
