using System.Globalization;
using System.Text.Json.Nodes;

namespace Lathe.Cli.Tests;

public class SplitEndToEndTests
{
    /// <summary>300 rows of 30 users over 300 days: y depends on x; user and day are not features.</summary>
    private static void WriteVisits(CliRunner cli)
    {
        var random = new Random(4);
        var rows = new List<string> { "user,day,x,y" };
        for (var i = 0; i < 300; i++)
        {
            var x = random.NextDouble() * 10;
            var day = new DateTime(2024, 1, 1).AddDays(random.Next(300)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows.Add($"u{random.Next(30)},{day},{x.ToString("0.###", CultureInfo.InvariantCulture)},{(x > 5 ? "high" : "low")}");
        }
        cli.Write("visits.csv", string.Join("\n", rows) + "\n");
    }

    [Fact]
    public void A_group_split_keeps_each_user_in_one_part_and_split_json_records_it()
    {
        using var cli = new CliRunner();
        WriteVisits(cli);
        var config = cli.Write("config.yaml", """
            name: visits
            data:
              path: visits.csv
              target: y
              columns: { day: ignore }
              split: { method: group, group: user, validation: 0.2, test: 0.2 }
            model: { type: tree, max_depth: 3 }
            """);
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        var run = CliRunner.RunFolderOf(output);
        var split = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "split.json")))!;
        Assert.Equal("group", (string)split["method"]!);
        Assert.Equal("user", (string)split["group"]!);
        Assert.Equal(42, (int)split["seed"]!);
        var parts = split["parts"]!;
        Assert.Equal(300, (int)parts["train"]!["rows"]! + (int)parts["validation"]!["rows"]! + (int)parts["test"]!["rows"]!);
        Assert.Equal((int)parts["test"]!["rows"]!, (int)parts["test"]!["classes"]!["high"]! + (int)parts["test"]!["classes"]!["low"]!);
        Assert.Equal(64, ((string)parts["test"]!["sha256"]!).Length);

        // The model takes x only: neither the group nor the time column is a feature.
        var model = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "model", "model.json")))!;
        Assert.Equal(["x"], model["pipeline"]!["input_schema"]!.AsArray().Select(c => (string)c!["name"]!));

        // Another seed splits differently and the fingerprint says so.
        var again = cli.Train(config, "--set", "seed=7");
        var other = JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RunFolderOf(again.Output), "split.json")))!;
        Assert.NotEqual((string)parts["test"]!["sha256"]!, (string)other["parts"]!["test"]!["sha256"]!);
    }

    [Fact]
    public void A_time_split_tests_on_the_latest_days_and_group_cv_writes_its_folds()
    {
        using var cli = new CliRunner();
        WriteVisits(cli);
        var config = cli.Write("config.yaml", """
            name: visits
            data:
              path: visits.csv
              target: y
              columns: { day: ignore }
              split: { method: time, time: day, validation: 0.2, test: 0.2 }
            model: { type: tree, max_depth: 3 }
            """);
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        var split = JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RunFolderOf(output), "split.json")))!;
        Assert.Equal("time", (string)split["method"]!);
        var test = (int)split["parts"]!["test"]!["rows"]!;
        Assert.InRange(test, 45, 75);

        var cv = cli.Train(config, "--cv", "3");
        Assert.Equal(2, cv.ExitCode);
        Assert.Contains("data.split.method is time", cv.Error);

        var group = cli.Train(config, "--cv", "3", "--set", "data.split={method: group, group: user, test: 0.2}");
        Assert.True(group.ExitCode == 0, group.Error + group.Output);
        Assert.Contains("(group)", group.Output);
        var folds = JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RunFolderOf(group.Output), "split.json")))!["folds"]!.AsArray();
        Assert.Equal(3, folds.Count);
        Assert.Equal((int)folds[0]!["train"]!["rows"]! + (int)folds[0]!["held_out"]!["rows"]!, (int)folds[1]!["train"]!["rows"]! + (int)folds[1]!["held_out"]!["rows"]!);
    }

    [Fact]
    public void A_group_split_without_its_column_is_a_config_error()
    {
        using var cli = new CliRunner();
        WriteVisits(cli);
        var config = cli.Write("config.yaml", """
            data: { path: visits.csv, target: y, split: { method: group } }
            model: { type: tree }
            """);
        var (code, _, error) = cli.Train(config);
        Assert.Equal(2, code);
        Assert.Contains("data.split.group is required", error);
        var wrong = cli.Train(config, "--set", "data.split.group=account");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("column 'account' is not in", wrong.Error);
    }
}
