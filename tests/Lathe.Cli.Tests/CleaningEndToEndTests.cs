using System.Globalization;
using System.Text.Json.Nodes;

namespace Lathe.Cli.Tests;

public class CleaningEndToEndTests
{
    /// <summary>
    /// 200 rows (lines 2–201) where y = x1 > 0.5, then: line 202 repeats line 6, line 203 holds inf,
    /// lines 204–205 miss x1, line 206 has an extreme x2.
    /// </summary>
    private static void WriteMessy(CliRunner cli)
    {
        var random = new Random(2);
        var lines = new List<string> { "x1,x2,y" };
        string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        for (var i = 0; i < 200; i++)
        {
            var x1 = random.NextDouble();
            lines.Add($"{F(x1)},{F(random.NextDouble())},{(x1 > 0.5 ? "yes" : "no")}");
        }
        lines.Add(lines[5]);
        lines.Add("0.9,inf,yes");
        lines.Add(",0.5,no");
        lines.Add(",0.4,yes");
        lines.Add("0.8,1000,yes");
        cli.Write("messy.csv", string.Join("\n", lines) + "\n");
    }

    private static string Config(CliRunner cli, string clean) => cli.Write("config.yaml", $$"""
        name: messy
        data:
          path: messy.csv
          target: y
          clean: {{clean}}
          split: { method: stratified, validation: 0.2, test: 0.2 }
        model: { type: logistic }
        """);

    [Fact]
    public void A_messy_file_is_refused_by_default_with_its_line()
    {
        using var cli = new CliRunner();
        WriteMessy(cli);
        var (code, _, error) = cli.Train(Config(cli, "{}"));
        Assert.Equal(3, code);
        Assert.Contains("messy.csv:203: column 'x2' (field 2) holds an infinite value 'inf'", error);
    }

    [Fact]
    public void Cleaning_drops_duplicates_and_invalid_rows_fills_gaps_clips_outliers_and_reports_every_count()
    {
        using var cli = new CliRunner();
        WriteMessy(cli);
        var (code, output, error) = cli.Train(Config(cli, "{ missing: median, duplicates: drop, outliers: iqr_clip, invalid: drop }"));
        Assert.True(code == 0, error + output);
        var sizes = System.Text.RegularExpressions.Regex.Matches(output.Split('\n')[0], @"(\d+) rows").Select(m => int.Parse(m.Groups[1].Value)).ToArray();
        Assert.Equal(203, sizes.Sum()); // 205 read, 2 dropped
        var summary = Assert.Single(output.Split('\n'), l => l.StartsWith("cleaning: "));
        Assert.StartsWith("cleaning: 2 rows dropped (1 invalid, 1 duplicate); 2 missing values filled", summary);
        Assert.Contains("1 outlier clipped", summary);

        var run = CliRunner.RunFolderOf(output);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "cleaning_report.json")))!;
        Assert.Equal("iqr_clip", (string)report["policy"]!["outliers"]!);
        Assert.Equal(1.5, (double)report["policy"]!["outlier_threshold"]!);
        var file = report["files"]![0]!;
        Assert.Equal(205, (int)file["rows_read"]!);
        Assert.Equal(203, (int)file["rows_kept"]!);
        Assert.Equal(1, (int)file["duplicates_found"]!);
        var x1 = report["columns"]!["x1"]!;
        Assert.Equal(2, (int)x1["missing"]!);
        Assert.Matches(@"^filled with 0\.\d+ \(the training median\)$", (string)x1["missing_action"]!);
        var x2 = report["columns"]!["x2"]!;
        Assert.Equal(1, (int)x2["invalid"]!);
        Assert.Equal("row dropped", (string)x2["invalid_action"]!);
        var bounds = x2["outlier_bounds"]!.AsArray().Select(b => (double)b!).ToArray();
        Assert.InRange(bounds[1], 1.0, 2.5); // Q3 + 1.5 IQR of uniform [0, 1) values: 1000 is far beyond
        var outliers = x2["outliers"]!.AsObject().Sum(kv => (int)kv.Value!);
        Assert.Equal(1, outliers);
        var dropped = report["dropped_rows"]!;
        Assert.Equal(2, (int)dropped["total"]!);
        Assert.Equal(["202: duplicate of line 6", "203: invalid value 'inf' in 'x2'"],
            dropped["rows"]!.AsArray().Select(r => $"{(int)r!["line"]!}: {(string)r["reason"]!}"));

        // The clipping bounds travel with the model: prediction clips the same way.
        var model = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "model", "model.json")))!;
        Assert.Equal("outlier_clipper", (string)model["pipeline"]!["transforms"]![0]!["type"]!);
        cli.Write("new.csv", "x1,x2\n0.9,5000\n0.1,\n");
        var predict = cli.Run("predict", run, "--input", Path.Combine(cli.Folder, "new.csv"), "--output", Path.Combine(cli.Folder, "p.csv"));
        Assert.True(predict.ExitCode == 0, predict.Error);
        var predictions = File.ReadAllLines(Path.Combine(cli.Folder, "p.csv"));
        Assert.StartsWith("yes,", predictions[1]);
        Assert.StartsWith("no,", predictions[2]);
    }

    [Fact]
    public void Outlier_drop_leaves_training_rows_out_of_the_fit_and_lists_their_lines()
    {
        using var cli = new CliRunner();
        WriteMessy(cli);
        // Every row trains (no validation or test part), so the extreme x2 on line 206 is a training outlier.
        var (code, output, error) = cli.Train(Config(cli, "{ missing: drop, outliers: zscore_drop, invalid: impute }"),
            "--set", "data.clean.missing=mean", "--set", "data.split={method: holdout, validation: 0, test: 0}");
        Assert.True(code == 0, error + output);
        Assert.Contains("cleaning: 1 row dropped (1 outlier); 3 missing values filled (the training mean); 1 duplicate row kept", output);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.RunFolderOf(output), "cleaning_report.json")))!;
        var x2 = report["columns"]!["x2"]!;
        Assert.Matches(@"^set missing, then filled with 0\.\d+ \(the training mean\)$", (string)x2["invalid_action"]!);
        Assert.Equal(1, (int)x2["outliers"]!["train"]!);
        var row = Assert.Single(report["dropped_rows"]!["rows"]!.AsArray())!;
        Assert.Equal(206, (int)row["line"]!);
        Assert.Equal("outlier in 'x2' (left out of the fit)", (string)row["reason"]!);
        Assert.Equal(205, (int)report["files"]![0]!["rows_kept"]!); // duplicates kept, inf imputed: only the fit leaves the outlier out
    }

    [Fact]
    public void Without_an_imputer_a_gap_stops_training_with_its_column()
    {
        using var cli = new CliRunner();
        WriteMessy(cli);
        var (code, _, error) = cli.Train(Config(cli, "{ missing: none, invalid: drop }"));
        Assert.Equal(3, code);
        Assert.Contains("column 'x1' has a missing value", error);
        Assert.Contains("data.clean.missing", error);
    }

    [Fact]
    public void Bad_clean_settings_are_config_errors()
    {
        using var cli = new CliRunner();
        WriteMessy(cli);
        var (code, _, error) = cli.Train(Config(cli, "{ outliers: iqr }"));
        Assert.Equal(2, code);
        Assert.Contains("data.clean.outliers 'iqr' is not one of none, iqr_clip, iqr_drop, zscore_clip, zscore_drop", error);
        var impute = cli.Train(Config(cli, "{ missing: none, invalid: impute }"));
        Assert.Equal(2, impute.ExitCode);
        Assert.Contains("data.clean.invalid", impute.Error);
        var fill = cli.Train(Config(cli, "{ missing: median, fill_value: -1 }"));
        Assert.Equal(2, fill.ExitCode);
        Assert.Contains("data.clean.fill_value applies to missing: constant", fill.Error);
    }
}
