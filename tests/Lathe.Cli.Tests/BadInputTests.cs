namespace Lathe.Cli.Tests;

/// <summary>Each mistake a user can make gives one clear line naming the place, and the documented exit code.</summary>
public class BadInputTests
{
    private const string GoodCsv = "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n9,10,x\n11,12,y\n13,14,x\n15,16,y\n17,18,x\n19,20,y\n21,22,x\n23,24,y\n";

    private static string Config(string body) => "name: bad\ndata:\n  path: data.csv\n  target: label\n" + body;

    private static void AssertClearError((int ExitCode, string Output, string Error) result, int exitCode, params string[] expected)
    {
        Assert.Equal(exitCode, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        foreach (var text in expected) Assert.Contains(text, result.Error);
        Assert.DoesNotContain("   at ", result.Error); // no stack trace
        Assert.DoesNotContain("run: ", result.Output);
    }

    [Fact]
    public void An_unknown_key_names_its_line_column_and_the_allowed_keys()
    {
        using var cli = new CliRunner();
        cli.Write("data.csv", GoodCsv);
        var config = cli.Write("config.yaml", Config("train:\n  epochz: 3\n"));
        AssertClearError(cli.Train(config), 2, "config.yaml:6:3:", "unknown key 'train.epochz'", "epochs");
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_its_line_and_field()
    {
        using var cli = new CliRunner();
        cli.Write("data.csv", GoodCsv);
        var config = cli.Write("config.yaml", Config("train:\n  epochs: ten\n"));
        AssertClearError(cli.Train(config), 2, "config.yaml:6:11:", "train.epochs must be a whole number, not 'ten'");
    }

    [Fact]
    public void A_bad_override_names_the_override()
    {
        using var cli = new CliRunner();
        cli.Write("data.csv", GoodCsv);
        var config = cli.Write("config.yaml", Config(""));
        AssertClearError(cli.Train(config, "--set", "train.batch_size=big"), 2, "--set train.batch_size=big", "whole number");
        AssertClearError(cli.Train(config, "--set", "model.depth=3"), 2, "--set model.depth=3", "unknown key 'model.depth'");
    }

    [Fact]
    public void A_missing_data_file_names_the_path()
    {
        using var cli = new CliRunner();
        var config = cli.Write("config.yaml", Config(""));
        AssertClearError(cli.Train(config), 3, Path.Combine(cli.Folder, "data.csv"), "file not found");
    }

    [Fact]
    public void A_missing_config_file_is_a_usage_error()
    {
        using var cli = new CliRunner();
        AssertClearError(cli.Train(Path.Combine(cli.Folder, "nope.yaml")), 2, "nope.yaml: config file not found");
    }

    [Fact]
    public void A_target_column_that_is_not_in_the_data_lists_the_columns()
    {
        using var cli = new CliRunner();
        cli.Write("data.csv", GoodCsv);
        var config = cli.Write("config.yaml", Config("").Replace("target: label", "target: species"));
        AssertClearError(cli.Train(config), 2, "data.target: column 'species' is not in", "Columns are: a, b, label");
    }

    [Fact]
    public void A_non_numeric_value_in_a_numeric_column_names_the_file_line_and_column()
    {
        using var cli = new CliRunner();
        var csv = cli.Write("data.csv", GoodCsv.Replace("13,14,x", "13,1A,x"));
        var config = cli.Write("config.yaml", Config(""));
        AssertClearError(cli.Train(config), 3, $"{csv}:8:", "column 'b'", "'1A'");
    }

    [Fact]
    public void An_unknown_model_type_says_what_is_available()
    {
        using var cli = new CliRunner();
        cli.Write("data.csv", GoodCsv);
        var config = cli.Write("config.yaml", Config("model:\n  type: boosting\n"));
        AssertClearError(cli.Train(config), 2, "model.type 'boosting' is not one of tree, forest, gbdt, knn", "mlp, cnn");
    }

    [Fact]
    public void Invalid_yaml_names_its_position()
    {
        using var cli = new CliRunner();
        var config = cli.Write("config.yaml", "name: [unclosed\n");
        AssertClearError(cli.Train(config), 2, "config.yaml:", "not valid YAML");
    }

    [Fact]
    public void Unknown_command_line_options_are_usage_errors()
    {
        using var cli = new CliRunner();
        var (code, _, error) = cli.Run("train", "x.yaml", "--epochs", "3");
        Assert.Equal(2, code);
        Assert.Contains("--epochs", error);
    }

    [Fact]
    public void Predicting_with_a_file_that_lacks_a_trained_column_names_it()
    {
        using var cli = new CliRunner();
        cli.Write("data.csv", GoodCsv);
        var config = cli.Write("config.yaml", Config("train:\n  epochs: 2\n"));
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error);
        var input = cli.Write("new.csv", "a\n1\n");
        AssertClearError(cli.Run("predict", CliRunner.RunFolderOf(output), "--input", input, "--output", Path.Combine(cli.Folder, "p.csv")),
            3, "column 'b' is missing");
        AssertClearError(cli.Run("predict", Path.Combine(cli.Folder, "no-run"), "--input", input, "--output", "p.csv"), 2, "no such run folder");
    }
}
