using System.Globalization;
using Lathe.Data;
using Lathe.Experiments.Config;
using Lathe.Experiments.Data;
using Lathe.Experiments.Runs;
using Lathe.Experiments.Tuning;
using Lathe.IO;
using Lathe.Models;
using Lathe.Tuning.Storage;
using YamlDotNet.RepresentationModel;

namespace Lathe.Experiments.Selection;

/// <summary>
/// model.type auto: searches model families and their hyperparameters on the validation part (a study of
/// `lathe tune` over the built-in space merged with tune.space), then refits the winner on train + validation,
/// scores it on the test part and writes it as a normal run folder.
/// </summary>
public static class ModelSelectionRun
{
    public const string AutoType = "auto";

    /// <summary>Whether the config (with its overrides) asks for model selection.</summary>
    public static bool Requested(string configPath, IReadOnlyList<string> overrides) =>
        ConfigLoader.Load(configPath, overrides).Model.Type == AutoType;

    public static ModelSelectionResult Execute(string configPath, IReadOnlyList<string> overrides, ModelSelectionOptions options)
    {
        var log = options.Log ?? (_ => { });
        var config = ConfigLoader.Load(configPath, overrides);
        if (config.Model.Type != AutoType) throw LatheException.BadConfig($"{configPath}: model.type is {config.Model.Type}, not auto; train it with `lathe train`.");
        var directory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var data = DatasetLoader.Load(config, directory);
        CheckData(data, configPath);
        var (families, leftOut) = ModelFamilies.For(data.Task, data.Train.RowCount);

        var tune = config.Tune ?? new TuneConfig();
        if (!TuneKeyGiven(configPath, overrides, "trials")) tune.Trials = ModelSelectionOptions.DefaultTrials;
        var metric = data.Task == TaskKind.Classification ? "val_accuracy" : "val_rmse";
        if (!TuneKeyGiven(configPath, overrides, "metric")) tune.Metric = metric;
        else if (tune.Metric == "val_loss")
        {
            // Networks report val_loss per epoch; trees and kernels do not: it cannot rank them against each other.
            log($"tune.metric val_loss does not compare model families (only networks report it); model.type auto ranks by {metric}.");
            (tune.Metric, tune.Direction) = (metric, null);
        }
        tune.FailedTrials ??= "skip"; // one family that cannot learn these data should not end the search of the others
        tune.Space = AutoSearchSpace.Merge(AutoSearchSpace.Build(families, data.Train.RowCount, config), config.Tune?.Space ?? []);
        var search = ConfigPaths.Absolute(config, directory);
        search.Tune = tune;
        search.Tracking = config.Tracking; // ConfigPaths.Absolute leaves tracking out; trials and the refit record as the user asked

        string folder;
        TuneOptions tuneOptions;
        TuneSettings settings;
        if (options.Tune is { } given)
        {
            settings = TuneSettings.From(search, configPath, given);
            // search.yaml names the storage without its password; the study gets the real one from the options.
            (tune.Storage, tune.Study) = (StorageUrl.Redact(settings.Storage), settings.StudyName);
            folder = TuneFolder.FindOrCreate(options.RunsDirectory, settings.StudyName, StorageUrl.Redact(settings.Storage));
            tuneOptions = given with
            {
                RunsDirectory = options.RunsDirectory, Folder = folder, Storage = settings.Storage, Study = settings.StudyName, Log = log, Cancellation = options.Cancellation,
            };
        }
        else
        {
            (tune.Storage, tune.Study) = ("memory", config.Name);
            settings = TuneSettings.From(search, configPath, new TuneOptions());
            folder = RunFolder.Create(options.RunsDirectory, config.Name + "-auto", DateTime.Now).Path;
            tuneOptions = new TuneOptions { RunsDirectory = options.RunsDirectory, Folder = folder, Log = log, Cancellation = options.Cancellation };
        }
        var searchYaml = Path.Combine(folder, "search.yaml");
        AtomicFile.WriteAllText(searchYaml,
            "# The search model.type auto ran: the built-in space for the task merged with tune.space (docs/model-selection.md).\n" +
            ConfigLoader.ToYaml(search));

        log($"model.type auto: {data.Task.ToString().ToLowerInvariant()} on {data.Train.RowCount} training rows; " +
            $"searching {settings.Trials} trials ({tune.Sampler}) over {string.Join(", ", SearchedTypes(tune.Space))}, ranked by {settings.Metric}");
        if (config.Tune?.Space.ContainsKey("model.type") != true) foreach (var line in leftOut) log($"  {line}");
        log($"space (in {searchYaml}):");
        foreach (var line in AutoSearchSpace.Describe(tune.Space)) log($"  {line}");

        var result = TuneRun.Execute(searchYaml, [], tuneOptions, options.Launcher);
        if (result.Best is not { Value: { } score } best || result.BestYaml is null)
        {
            var error = result.Trials.Select(t => t.UserAttrs.GetValueOrDefault("error")).FirstOrDefault(e => e is not null);
            throw LatheException.BadConfig($"model.type auto: no trial of the search completed (see {folder}); there is no model to retrain." +
                (error is null ? "" : $" The first error: {System.Text.Json.JsonSerializer.Deserialize<string>(error)}"));
        }

        var fitRows = data.Train.RowCount + data.Validation!.RowCount;
        log($"selected: trial {best.Number} ({settings.Metric} {score.ToString("0.0000", CultureInfo.InvariantCulture)}); " +
            $"retraining it on train + validation ({fitRows} rows) and scoring it on the test part");
        var final = WinnerRefit.Run(result, search, settings.Metric, fitRows, options.RunsDirectory, log, options.Cancellation);
        var type = ConfigLoader.Load(Path.Combine(final.Folder, "config.yaml")).Model.Type;
        return new ModelSelectionResult(folder, best.Number, type, Leaderboard.Params(best), settings.Metric, score, final);
    }

    /// <summary>The families of the merged space (a user's model.type choice replaces the built-in one).</summary>
    private static IEnumerable<string> SearchedTypes(IReadOnlyDictionary<string, TuneParamConfig> space) =>
        space["model.type"].Choice?.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "null") ?? [];

    /// <summary>Whether the user set tune.KEY (in the file or with --set), rather than leaving it to its default.</summary>
    private static bool TuneKeyGiven(string configPath, IReadOnlyList<string> overrides, string key)
    {
        if (overrides.Any(o => o.StartsWith($"tune.{key}=", StringComparison.Ordinal))) return true;
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(configPath)));
        return yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("tune"), out var tune) && tune is YamlMappingNode section
            && section.Children.ContainsKey(new YamlScalarNode(key));
    }

    private static void CheckData(PreparedData data, string source)
    {
        if (data.Task is not (TaskKind.Classification or TaskKind.Regression))
            throw LatheException.BadConfig($"{source}: model.type auto searches classifiers and regressors, not {data.Task.ToString().ToLowerInvariant()}; choose a model.type.");
        if (data.Train.Columns.Any(c => c is VectorColumn))
            throw LatheException.BadConfig(
                $"{source}: model.type auto is for tabular data; these are images: choose model.type cnn or resnet, and search its settings with lathe tune (docs/tuning.md).");
        if (data.Validation is null || data.Validation.RowCount == 0)
            throw LatheException.BadConfig(
                $"{source}: model.type auto ranks the models on the validation part, and there is none: set data.split.validation above 0 (e.g. 0.15) or give data.validation.");
    }
}
