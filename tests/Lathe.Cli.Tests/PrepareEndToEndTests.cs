using System.Globalization;
using System.Text.Json.Nodes;

namespace Lathe.Cli.Tests;

public class PrepareEndToEndTests
{
    /// <summary>Houses: price rises with size and depends on the city; a few sizes are missing.</summary>
    private static void WriteHouses(CliRunner cli, string name, int rows, int seed, string[] cities)
    {
        var random = new Random(seed);
        var lines = new List<string> { "size,city,grade,price" };
        var premium = new Dictionary<string, double> { ["rome"] = 50, ["oslo"] = 20, ["lima"] = 0, ["tokyo"] = 30 };
        string[] grades = ["low", "mid", "high"];
        for (var i = 0; i < rows; i++)
        {
            var size = 50 + random.NextDouble() * 100;
            var city = cities[random.Next(cities.Length)];
            var grade = random.Next(3);
            var price = 2 * size + premium[city] + 10 * grade + random.NextDouble();
            var sizeText = i % 23 == 0 ? "" : size.ToString("0.##", CultureInfo.InvariantCulture);
            lines.Add($"{sizeText},{city},{grades[grade]},{price.ToString("0.##", CultureInfo.InvariantCulture)}");
        }
        cli.Write(name, string.Join("\n", lines) + "\n");
    }

    [Fact]
    public void Configured_preparation_replaces_the_default_is_saved_with_the_model_and_handles_unseen_categories()
    {
        using var cli = new CliRunner();
        WriteHouses(cli, "houses.csv", 400, 1, ["rome", "oslo", "lima"]);
        var config = cli.Write("config.yaml", """
            name: houses
            data:
              path: houses.csv
              target: price
              split: { method: holdout, validation: 0.15, test: 0.15 }
            model:
              type: linear
              prepare:
                - { type: target_encoder, columns: [city] }
                - { type: ordinal_encoder, categories: { grade: [low, mid, high] } }
                - { type: robust_scaler }
            """);
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        var run = CliRunner.RunFolderOf(output);
        Assert.True(CliRunner.TestMetric(output, "r2") > 0.9, output);

        var model = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "model", "model.json")))!;
        var types = model["pipeline"]!["transforms"]!.AsArray().Select(t => (string)t!["type"]!).ToArray();
        Assert.Equal(["imputer", "target_encoder", "ordinal_encoder", "robust_scaler"], types);

        // New data with a city and a grade never seen in training: predicted, not refused.
        WriteHouses(cli, "new.csv", 20, 2, ["tokyo", "rome"]);
        File.WriteAllText(Path.Combine(cli.Folder, "new.csv"), File.ReadAllText(Path.Combine(cli.Folder, "new.csv")).Replace(",high,", ",luxury,"));
        var predictions = Path.Combine(cli.Folder, "predictions.csv");
        var predict = cli.Run("predict", run, "--input", Path.Combine(cli.Folder, "new.csv"), "--output", predictions);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var values = File.ReadAllLines(predictions).Skip(1).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(20, values.Length);
        Assert.All(values, v => Assert.True(double.IsFinite(v) && v > 50, $"{v}"));
    }

    [Fact]
    public void An_unknown_preparation_step_is_a_config_error_naming_the_field()
    {
        using var cli = new CliRunner();
        WriteHouses(cli, "houses.csv", 50, 1, ["rome", "oslo"]);
        var config = cli.Write("config.yaml", """
            data: { path: houses.csv, target: price }
            model: { type: linear, prepare: [{ type: quantile_scaler }] }
            """);
        var (code, _, error) = cli.Train(config);
        Assert.Equal(2, code);
        Assert.Contains("model.prepare[0].type", error);
        Assert.Contains("robust_scaler", error);
    }
}
