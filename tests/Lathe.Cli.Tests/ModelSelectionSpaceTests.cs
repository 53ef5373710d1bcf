using Lathe.Experiments.Config;
using Lathe.Experiments.Selection;
using Lathe.Experiments.Tuning;
using Lathe.Models;

namespace Lathe.Cli.Tests;

/// <summary>The built-in space of model.type auto: which families fit the data, and how tune.space merges over it.</summary>
public class ModelSelectionSpaceTests
{
    [Fact]
    public void Large_data_leaves_out_the_svm_and_then_knn_with_a_reason()
    {
        Assert.Contains("svm", ModelFamilies.For(TaskKind.Classification, ModelFamilies.SvmRowLimit).Families);
        var (families, leftOut) = ModelFamilies.For(TaskKind.Regression, ModelFamilies.SvmRowLimit + 1);
        Assert.Equal(["linear", "knn", "forest", "gbdt", "mlp"], families);
        Assert.Single(leftOut, l => l.StartsWith("svm left out: 20001 training rows > 20000", StringComparison.Ordinal));
        Assert.DoesNotContain("knn", ModelFamilies.For(TaskKind.Classification, ModelFamilies.NeighborsRowLimit + 1).Families);
    }

    [Fact]
    public void A_user_space_replaces_entries_in_place_adds_new_ones_and_narrows_the_families()
    {
        var builtIn = AutoSearchSpace.Build(ModelFamilies.For(TaskKind.Regression, 500).Families, 500, new LatheConfig());
        Assert.Equal(["model.type", "model.c", "model.gamma", "model.penalty", "model.alpha"], builtIn.Keys.Take(5));
        var user = new Dictionary<string, TuneParamConfig>
        {
            ["model.type"] = new() { Choice = ["svm", "forest", "tree"] },
            ["model.trees"] = new() { Int = [10, 20], When = new() { ["model.type"] = "forest" } },
            ["model.max_depth"] = new() { Int = [1, 5], When = new() { ["model.type"] = new List<object?> { "forest", "tree" } } },
        };
        var merged = AutoSearchSpace.Merge(builtIn, user);
        // linear's penalty and alpha, knn, gbdt and mlp params left with their families; min_samples_leaf keeps forest only.
        Assert.Equal(["model.type", "model.c", "model.gamma", "model.trees", "model.max_depth", "model.min_samples_leaf"], merged.Keys);
        Assert.Equal([10L, 20L], merged["model.trees"].Int);
        Assert.Equal("svm", merged["model.c"].When!["model.type"]);
        Assert.Equal("forest", merged["model.min_samples_leaf"].When!["model.type"]);
        Assert.Contains("model.max_depth: int [1, 5] when model.type is forest or tree", AutoSearchSpace.Describe(merged));
    }

    [Fact]
    public void The_csharp_api_runs_the_search_with_tune_options_and_returns_the_refitted_run()
    {
        using var cli = new CliRunner();
        File.Copy(Path.Combine(CliRunner.RepositoryRoot, "examples", "iris", "iris.csv"), Path.Combine(cli.Folder, "iris.csv"), overwrite: true);
        var config = cli.Write("auto.yaml", """
            name: api
            data: { path: iris.csv, target: species }
            model: { type: auto }
            tune:
              space:
                model.type: { choice: [logistic, naive_bayes] }
            """);
        var lines = new List<string>();
        var result = ModelSelectionRun.Execute(config, ["data.split.test=0.25"], new ModelSelectionOptions
        {
            RunsDirectory = cli.RunsDirectory, Tune = new TuneOptions { Trials = 3, Storage = "memory" }, Log = lines.Add,
        });
        Assert.Contains(result.ModelType, new[] { "logistic", "naive_bayes" });
        Assert.StartsWith(Path.Combine(cli.RunsDirectory, "api-tune-"), result.SearchFolder);
        Assert.Contains("study api: 3 trials, sampler tpe, pruner none, maximize val_accuracy, storage memory", lines);
        var split = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(result.Final.Folder, "split.json")))!;
        Assert.Equal(36, (int)split["parts"]!["test"]!["rows"]!); // the override reached the split: 12 of each 50 (the default gives 8)
        Assert.True(result.Final.TestMetrics!["accuracy"] > 0.8);
        Assert.Equal(result.ValidationScore, (double)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(result.Final.Folder, "metrics.json")))!["selection"]!["validation_score"]!, 6);
    }
}
