using Lathe.Experiments.Config;

namespace Lathe.Cli.Tests;

/// <summary>The table of which model types read which model keys, and the warning about keys the chosen type ignores.</summary>
public class UnusedModelKeysTests
{
    [Fact]
    public void A_forest_key_with_a_tree_warns_naming_the_key_its_value_the_type_and_its_reader()
    {
        var warnings = UnusedModelKeys.Warnings(new ModelConfig { Type = "tree", Trees = 500 });
        Assert.Equal(["warning: model.trees (500) is not used by model.type tree; it is read by forest. Remove it or change model.type."], warnings);
    }

    [Fact]
    public void Lists_numbers_and_several_readers_are_written_as_the_config_would()
    {
        var warnings = UnusedModelKeys.Warnings(new ModelConfig { Type = "knn", Hidden = [128, 64], LearningRate = 0.05, MaxDepth = 3 });
        Assert.Equal(
        [
            "warning: model.hidden ([128, 64]) is not used by model.type knn; it is read by mlp, cnn, autoencoder. Remove it or change model.type.",
            "warning: model.max_depth (3) is not used by model.type knn; it is read by tree, forest, gbdt. Remove it or change model.type.",
            "warning: model.learning_rate (0.05) is not used by model.type knn; it is read by gbdt. Remove it or change model.type.",
        ], warnings);
    }

    [Fact]
    public void A_key_set_to_its_default_value_does_not_warn()
    {
        Assert.Empty(UnusedModelKeys.Warnings(new ModelConfig { Type = "tree", Trees = 100, Channels = [32, 64], Kernel = "rbf" }));
        foreach (var type in ModelKeyUse.ModelTypes)
            Assert.Empty(UnusedModelKeys.Warnings(new ModelConfig { Type = type }));
    }

    [Fact]
    public void Keys_the_type_reads_do_not_warn()
    {
        Assert.Empty(UnusedModelKeys.Warnings(new ModelConfig { Type = "forest", Trees = 500, MaxDepth = 4, Criterion = "entropy", Bootstrap = false }));
        Assert.Empty(UnusedModelKeys.Warnings(new ModelConfig { Type = "gbdt", MaxDepth = 4, MinSamplesLeaf = 5, Rounds = 50 }));
        Assert.Empty(UnusedModelKeys.Warnings(new ModelConfig { Type = "transformer", Layers = 2, Heads = 2, Dim = 32, Dropout = 0.2, Tokens = "words" }));
        Assert.Empty(UnusedModelKeys.Warnings(new ModelConfig { Type = "svm", C = 10, MaxIter = 1000, Tol = 1e-2 }));
        Assert.Empty(UnusedModelKeys.Warnings(new ModelConfig { Type = "mlp", Prepare = [new PrepareStepConfig { Type = "robust_scaler" }] }));
    }

    [Fact]
    public void Model_type_auto_never_warns_because_the_search_sets_each_familys_keys()
    {
        Assert.Empty(UnusedModelKeys.Warnings(new ModelConfig { Type = "auto", Trees = 300, K = 9, Hidden = [16] }));
    }

    [Fact]
    public void Only_the_keys_a_type_ignores_warn_in_a_config_read_back_from_a_run_folder()
    {
        // A run folder's config.yaml writes every model key out; reading it again warns only about what was set.
        var config = new LatheConfig { Data = { Path = "iris.csv", Target = "species" }, Model = { Type = "cnn1d", Layers = 3, Units = 64 } };
        var reread = ConfigLoader.Parse(ConfigLoader.ToYaml(config), "config.yaml", []);
        Assert.Contains("layers: 3", ConfigLoader.ToYaml(config));
        Assert.Equal(["warning: model.layers (3) is not used by model.type cnn1d; it is read by gpt, lstm, gru, transformer. Remove it or change model.type."],
            UnusedModelKeys.Warnings(reread.Model));
        config.Model.Layers = null;
        Assert.Empty(UnusedModelKeys.Warnings(ConfigLoader.Parse(ConfigLoader.ToYaml(config), "config.yaml", []).Model));
    }

    [Fact]
    public void Every_model_key_is_in_the_table_or_read_by_every_type_and_every_reader_is_a_model_type()
    {
        var keys = UnusedModelKeys.Keys.Select(k => k.Key).ToList();
        Assert.Contains("colsample_bytree", keys); // YAML names, as the config spells them
        Assert.Contains("l1_ratio", keys);
        var missing = keys.Where(k => !ModelKeyUse.Readers.ContainsKey(k) && !ModelKeyUse.ReadByAll.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"model keys with no entry in ModelKeyUse: {string.Join(", ", missing)}");
        Assert.DoesNotContain(ModelKeyUse.Readers.Keys, k => !keys.Contains(k));
        Assert.DoesNotContain(ModelKeyUse.ReadByAll, k => !keys.Contains(k));
        Assert.Empty(ModelKeyUse.Readers.Keys.Intersect(ModelKeyUse.ReadByAll));
        foreach (var (key, readers) in ModelKeyUse.Readers)
        {
            Assert.NotEmpty(readers);
            Assert.All(readers, r => Assert.True(ModelKeyUse.ModelTypes.Contains(r), $"model.{key}: '{r}' is not a model type"));
        }
    }
}
