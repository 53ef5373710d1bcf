using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Lathe.Cli.Tests;

public class ReportEndToEndTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    private static (CliRunner Cli, string Run) TrainIris(params string[] overrides)
    {
        var cli = new CliRunner();
        var (code, trained, error) = cli.Train(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "config.yaml"), overrides);
        Assert.True(code == 0, error + trained);
        return (cli, CliRunner.RunFolderOf(trained));
    }

    [Fact]
    public async Task The_report_opens_offline_in_chromium_with_every_picture_loaded_and_the_key_numbers_on_the_page()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (`sudo apt-get install chromium`; scripts/test.sh does it as root).");
        var (cli, run) = TrainIris("--set", "model.type=forest");
        using var _ = cli;
        var report = cli.Run("report", run);
        Assert.True(report.ExitCode == 0, report.Error + report.Output);
        var html = Path.Combine(run, "report.html");
        Assert.Contains($"report: {html}", report.Output);
        var accuracy = ((double)JsonNode.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")))!["test"]!["accuracy"]!).ToString("0.0000", CultureInfo.InvariantCulture);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, request) => { if (!request.Url.StartsWith("file:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)) outside.Add(request.Url); };
        await page.GotoAsync(new Uri(html).AbsoluteUri);

        var images = await page.EvalOnSelectorAllAsync<int>("img", "all => all.length");
        var broken = await page.EvalOnSelectorAllAsync<string[]>("img", "all => all.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.alt)");
        var listed = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "report.json")))!["pictures"]!.AsArray().Count;
        Assert.True(images == listed && images >= 6, $"{images} pictures on the page, {listed} in report.json");
        Assert.Empty(broken);
        Assert.Empty(outside);
        var text = await page.InnerTextAsync("body");
        foreach (var expected in new[] { accuracy, "The doctor", "Permutation importance on the test part", "petal_length", "setosa", "cores", "random forest of 100 trees" })
            Assert.Contains(expected, text);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 100_000);
    }

    [Fact]
    public void Report_json_holds_the_numbers_of_the_page()
    {
        var (cli, run) = TrainIris("--set", "model.type=tree");
        using var _ = cli;
        Assert.Equal(0, cli.Run("doctor", run, "--data-sufficiency", "--sizes", "0.3,0.6,1", "--repeats", "2").ExitCode);
        Assert.Equal(0, cli.Run("report", run).ExitCode);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "report.json")))!;

        Assert.Equal((double)json["metrics"]!["test"]!["accuracy"]!, CliRunner.TestMetric($"run: {run}", "accuracy"));
        var parts = json["data"]!["parts"]!.AsArray();
        Assert.Equal(150, parts.Sum(p => (int)p!["rows"]!));
        var counts = json["confusion_matrix"]!["counts"]!.AsArray().SelectMany(r => r!.AsArray()).Sum(c => (int)c!);
        Assert.Equal((int)parts.Single(p => (string)p!["name"]! == "test")!["rows"]!, counts);
        var permutation = json["importances"]!["permutation"]!;
        Assert.Equal(4, permutation["columns"]!.AsArray().Count);
        Assert.StartsWith("petal", (string)permutation["columns"]![0]!["column"]!);
        Assert.Equal(4, json["importances"]!["model"]!.AsObject().Count);
        Assert.NotNull(json["data_sufficiency"]!["twice_the_data"]);
        Assert.Contains(json["doctor"]!.AsArray(), f => ((string)f!["kind"]!).StartsWith("more_data", StringComparison.Ordinal));
        Assert.Equal("cpu", (string)json["environment"]!["device"]!);
        Assert.Contains(json["pictures"]!.AsArray(), p => (string)p!["file"]! == "learning_curve_size.png");
    }

    [Fact]
    public void A_regression_report_shows_residuals_and_importance_in_r2()
    {
        using var cli = new CliRunner();
        var random = new Random(3);
        var rows = Enumerable.Range(0, 200).Select(_ => (a: random.NextDouble(), b: random.NextDouble()))
            .Select(r => FormattableString.Invariant($"{r.a:0.0000},{r.b:0.0000},{3 * r.a + 0.1 * random.NextDouble():0.0000}"));
        var data = cli.Write("linear.csv", "a,b,y\n" + string.Join('\n', rows) + "\n");
        var config = cli.Write("config.yaml", $"name: linear\ndata:\n  path: {data}\n  target: y\nmodel:\n  type: linear\n");
        var (code, trained, error) = cli.Train(config);
        Assert.True(code == 0, error + trained);
        var run = CliRunner.RunFolderOf(trained);
        Assert.Equal(0, cli.Run("report", run).ExitCode);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "report.json")))!;
        Assert.Equal("r2", (string)json["importances"]!["permutation"]!["metric"]!);
        Assert.Equal("a", (string)json["importances"]!["permutation"]!["columns"]![0]!["column"]!);
        Assert.Contains(json["pictures"]!.AsArray(), p => (string)p!["file"]! == "residuals.png");
        Assert.Contains("<img src=\"data:image/png;base64,", File.ReadAllText(Path.Combine(run, "report.html")));
    }

    [Fact]
    public void A_run_whose_data_is_gone_still_gets_a_report_that_says_what_is_left_out()
    {
        using var cli = new CliRunner();
        var data = cli.Write("iris.csv", File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv")));
        var config = cli.Write("config.yaml", $"name: moved\ndata:\n  path: {data}\n  target: species\nmodel:\n  type: tree\n");
        var (code, trained, error) = cli.Train(config);
        Assert.True(code == 0, error + trained);
        File.Delete(data);
        var run = CliRunner.RunFolderOf(trained);
        var report = cli.Run("report", run);
        Assert.True(report.ExitCode == 0, report.Error + report.Output);
        Assert.Contains("note: The data could not be read again", report.Output);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "report.json")))!;
        Assert.Null(json["data"]);
        Assert.NotNull(json["metrics"]!["test"]);
    }

    [Fact]
    public void A_report_says_when_the_data_file_changed_since_training()
    {
        using var cli = new CliRunner();
        var data = cli.Write("iris.csv", File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv")));
        var config = cli.Write("config.yaml", $"name: edited\ndata:\n  path: {data}\n  target: species\nmodel:\n  type: tree\n");
        var (code, trained, error) = cli.Train(config);
        Assert.True(code == 0, error + trained);
        var run = CliRunner.RunFolderOf(trained);
        var split = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "split.json")))!;
        Assert.Equal(new FileInfo(data).Length, (long)split["files"]![Path.GetFullPath(data)]!["bytes"]!);

        var unchanged = cli.Run("report", run);
        Assert.True(unchanged.ExitCode == 0, unchanged.Error + unchanged.Output);
        Assert.DoesNotContain("changed since training", unchanged.Output);

        // one value edited in place: same rows, same size, other content
        var lines = File.ReadAllLines(data);
        lines[1] = lines[1].Replace("5.1", "5.9");
        File.WriteAllLines(data, lines);
        var edited = cli.Run("report", run);
        Assert.True(edited.ExitCode == 0, edited.Error + edited.Output);
        Assert.Contains($"note: The data is not what the run learned from ({Path.GetFullPath(data)} changed since training)", edited.Output);
        var notes = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "report.json")))!["notes"]!.AsArray();
        Assert.Contains(notes, n => ((string)n!).Contains("changed since training"));
    }

    [Fact]
    public void A_folder_that_is_not_a_finished_run_is_a_clear_error()
    {
        using var cli = new CliRunner();
        var report = cli.Run("report", cli.Folder);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("no metrics.json here", report.Error);
    }
}
