using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lathe.Experiments.Config;
using Lathe.Experiments.Data;
using Lathe.Experiments.Plots;
using Lathe.IO;
using Lathe.Models;
using Lathe.Training;

namespace Lathe.Experiments.Runs;

/// <summary>
/// `lathe curve CONFIG --param KEY --values V1,V2,...`: the validation curve over one hyperparameter. For each
/// value the config is loaded with KEY set to it (as `--set` would), a fresh pipeline is fitted on the training
/// rows and scored on them and on the validation part. Where training keeps rising while validation falls,
/// the value has passed into overfitting. Writes runs/&lt;name&gt;-curve-&lt;time&gt;/ with curve.json, curve.csv and a picture.
/// </summary>
public static class ValidationCurveRun
{
    public static ValidationCurveResult Execute(string configPath, IReadOnlyList<string> overrides, string parameter, IReadOnlyList<string> values, RunOptions options)
    {
        if (values.Count < 2) throw LatheException.BadConfig("--values: give at least two values of the parameter, comma-separated.");
        var log = options.Log ?? (_ => { });
        var configDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var points = new List<ValidationCurvePoint>();
        LatheConfig? first = null;
        string? metric = null;
        var warned = new HashSet<string>();
        foreach (var value in values)
        {
            var config = ConfigLoader.Load(configPath, [.. overrides, $"{parameter}={value}"]);
            first ??= config;
            foreach (var warning in UnusedModelKeys.Warnings(config.Model)) if (warned.Add(warning)) log(warning);
            (var data, var validation, metric) = LearningCurveRun.LoadScored(config, configDirectory);
            var fitted = TrainingBalance.Apply(config, data.Train, data.Target, data.Task, _ => { }); // data.balance, as in training
            var model = (PipelineModel)ModelFactory.Create(config, data.Task, configDirectory)
                .Fit(new TrainingData(fitted, validation, data.Target, data.Task), new FitContext(config.Seed, [], options.Cancellation));
            points.Add(new ValidationCurvePoint(value, TrainingRun.Score(model, data.Train, data.Target)[metric], TrainingRun.Score(model, validation, data.Target)[metric]));
            log($"{parameter} = {value}: train {metric} {points[^1].Train:0.0000}, validation {points[^1].Validation:0.0000}");
        }
        var folder = RunFolder.Create(options.RunsDirectory, first!.Name + "-curve", DateTime.Now);
        var result = new ValidationCurveResult(folder.Path, parameter, metric!, points);
        AtomicFile.WriteAllText(folder.ConfigFile, ConfigLoader.ToYaml(ConfigPaths.Absolute(first, configDirectory)));
        AtomicFile.WriteAllText(Path.Combine(folder.Path, "curve.json"), result.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        AtomicFile.WriteAllText(Path.Combine(folder.Path, "curve.csv"), result.ToCsv());
        ValidationCurvePlot.Save(result, Path.Combine(folder.Path, "validation_curve.png"), $"{first.Name}: {metric} by {parameter}");
        return result;
    }
}

public sealed record ValidationCurvePoint(string Value, double Train, double Validation);

public sealed record ValidationCurveResult(string Folder, string Parameter, string Metric, IReadOnlyList<ValidationCurvePoint> Points)
{
    /// <summary>The value with the best validation score (the first on ties).</summary>
    public ValidationCurvePoint Best => Points.MaxBy(p => p.Validation)!;

    public JsonObject ToJson() => new()
    {
        ["parameter"] = Parameter,
        ["metric"] = Metric,
        ["points"] = new JsonArray([.. Points.Select(p => (JsonNode)new JsonObject
        {
            ["value"] = p.Value, ["train"] = Math.Round(p.Train, 6), ["validation"] = Math.Round(p.Validation, 6),
        })]),
        ["best"] = Best.Value,
    };

    public string ToCsv()
    {
        var text = new StringBuilder($"value,train_{Metric},val_{Metric}\n");
        foreach (var p in Points)
            text.Append(p.Value.Contains(',') ? $"\"{p.Value}\"" : p.Value).Append(',')
                .Append(p.Train.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(p.Validation.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }
}
