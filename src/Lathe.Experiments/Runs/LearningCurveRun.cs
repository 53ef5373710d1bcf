using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lathe.Experiments.Config;
using Lathe.Experiments.Data;
using Lathe.Diagnosis;
using Lathe.Experiments.Plots;
using Lathe.IO;
using Lathe.Models;
using Lathe.Splits;
using Lathe.Training;

namespace Lathe.Experiments.Runs;

/// <summary>
/// `lathe curve CONFIG`: the learning curve over training-set size. For each share of the training rows
/// (a stratified random subset for classification, drawn anew for each repeat), a fresh pipeline is fitted
/// and scored on that subset and on the validation part; the curve, a picture and the data-sufficiency
/// estimate (<see cref="DataSufficiency"/>) go to runs/&lt;name&gt;-curve-&lt;time&gt;/.
/// </summary>
public static class LearningCurveRun
{
    public static LearningCurveResult Execute(string configPath, IReadOnlyList<string> overrides, IReadOnlyList<double> shares, int repeats, RunOptions options)
    {
        var config = ConfigLoader.Load(configPath, overrides);
        foreach (var warning in UnusedModelKeys.Warnings(config.Model)) options.Log?.Invoke(warning);
        var configDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var curve = Measure(config, configDirectory, shares, repeats, options);
        var folder = RunFolder.Create(options.RunsDirectory, config.Name + "-curve", DateTime.Now);
        AtomicFile.WriteAllText(folder.ConfigFile, ConfigLoader.ToYaml(ConfigPaths.Absolute(config, configDirectory)));
        return Write(curve, folder.Path, "curve.json", $"{config.Name}: {curve.Metric} by training rows");
    }

    /// <summary>Fits the config's pipeline on each share of the training rows (and repeats) and scores it; writes nothing.</summary>
    public static LearningCurveResult Measure(LatheConfig config, string configDirectory, IReadOnlyList<double> shares, int repeats, RunOptions options)
    {
        if (shares.Count == 0 || shares.Any(s => s is <= 0 or > 1))
            throw LatheException.BadConfig("--sizes: shares of the training rows must be in (0, 1], e.g. 0.1,0.25,0.5,1.");
        if (repeats < 1) throw LatheException.BadConfig("--repeats must be at least 1.");
        var log = options.Log ?? (_ => { });
        var (data, validation, metric) = LoadScored(config, configDirectory);
        log($"data: {data.Train.RowCount} training rows, {validation.RowCount} validation rows; {metric} at {string.Join(", ", shares.Select(s => s.ToString("P0", CultureInfo.InvariantCulture)))} of the training rows, {repeats} repeat(s) each");
        log($"model: {TrainingRun.Describe(config.Model)}");

        var points = new List<CurvePoint>();
        foreach (var share in shares.Order())
        {
            var (trainScores, validationScores) = (new List<double>(), new List<double>());
            var rows = 0;
            for (var r = 0; r < (share < 1 ? repeats : 1); r++)
            {
                var subset = Subset(data, share, config.Seed + r, config.Data.Split.Method);
                rows = subset.RowCount;
                var pipeline = ModelFactory.Create(config, data.Task, configDirectory);
                // Balanced as a training run balances its rows (data.balance); scored on the real rows of the share.
                var fitted = TrainingBalance.Apply(config, subset, data.Target, data.Task, _ => { });
                var model = (PipelineModel)pipeline.Fit(new TrainingData(fitted, validation, data.Target, data.Task), new FitContext(config.Seed, [], options.Cancellation));
                trainScores.Add(TrainingRun.Score(model, subset, data.Target)[metric]);
                validationScores.Add(TrainingRun.Score(model, validation, data.Target)[metric]);
            }
            points.Add(new CurvePoint(rows, trainScores.Average(), Spread(trainScores), validationScores.Average(), Spread(validationScores)));
            log($"{rows} rows: train {metric} {points[^1].Train:0.0000}, validation {points[^1].Validation:0.0000} ± {points[^1].ValidationSpread:0.0000}");
        }

        return LearningCurveResult.FromPoints("", metric, points);
    }

    /// <summary>Writes the curve as JSON (<paramref name="jsonName"/>), CSV and learning_curve_size.png into <paramref name="folder"/>.</summary>
    public static LearningCurveResult Write(LearningCurveResult curve, string folder, string jsonName, string title)
    {
        AtomicFile.WriteAllText(Path.Combine(folder, jsonName), curve.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        AtomicFile.WriteAllText(Path.Combine(folder, Path.ChangeExtension(jsonName, ".csv")), curve.ToCsv());
        SizeCurvePlot.Save(curve, Path.Combine(folder, SizeCurvePlot.FileName), title);
        return curve with { Folder = folder };
    }

    /// <summary>The config's data for a curve: a classifier or regressor with a validation part, and the score it is judged by.</summary>
    internal static (PreparedData Data, Lathe.Data.Table Validation, string Metric) LoadScored(LatheConfig config, string configDirectory)
    {
        var data = DatasetLoader.Load(config, configDirectory);
        if (data.Task is not (TaskKind.Classification or TaskKind.Regression))
            throw LatheException.BadConfig("lathe curve scores classifiers (accuracy) and regressors (r2); this config's task is " +
                                           data.Task.ToString().ToLowerInvariant() + ".");
        var validation = data.Validation
            ?? throw LatheException.BadConfig("data.split.validation is 0: the curve scores each fit on the validation part; give it a share (e.g. 0.2).");
        return (data, validation, data.Task == TaskKind.Classification ? "accuracy" : "r2");
    }

    /// <summary>A random share of the training rows, keeping class shares for classification with a stratified split.</summary>
    private static Lathe.Data.Table Subset(PreparedData data, double share, int seed, string method)
    {
        if (share >= 1) return data.Train;
        var split = data.Task == TaskKind.Classification && method == "stratified"
            ? Splitter.Stratified(data.Train[data.Target], 0, 1 - share, seed)
            : Splitter.Holdout(data.Train.RowCount, 0, 1 - share, seed);
        return split.TrainOf(data.Train);
    }

    private static double Spread(List<double> values) =>
        values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => Math.Pow(v - values.Average(), 2)) / (values.Count - 1));
}

/// <summary>One point of the curve: training rows, and the mean and spread (standard deviation over repeats) of each score.</summary>
public sealed record CurvePoint(int Rows, double Train, double TrainSpread, double Validation, double ValidationSpread);

public sealed record LearningCurveResult(string Folder, string Metric, IReadOnlyList<CurvePoint> Points, DataSufficiency? Sufficiency)
{
    public JsonObject ToJson() => new()
    {
        ["metric"] = Metric,
        ["points"] = new JsonArray([.. Points.Select(p => (JsonNode)new JsonObject
        {
            ["rows"] = p.Rows, ["train"] = R(p.Train), ["train_std"] = R(p.TrainSpread), ["validation"] = R(p.Validation), ["validation_std"] = R(p.ValidationSpread),
        })]),
        ["twice_the_data"] = Sufficiency is not { } s ? null : new JsonObject
        {
            ["rows"] = 2 * s.Rows, ["expected"] = R(s.ScoreAtTwice), ["low"] = R(s.Low), ["high"] = R(s.High), ["gain"] = R(s.Gain), ["exponent"] = R(s.Exponent),
        },
    };

    /// <summary>Reads what <see cref="ToJson"/> wrote (the estimate is recomputed from the points).</summary>
    public static LearningCurveResult FromJson(JsonNode json, string folder) => FromPoints(folder, (string)json["metric"]!,
        [.. json["points"]!.AsArray().Select(p => new CurvePoint((int)p!["rows"]!, (double)p["train"]!, (double)p["train_std"]!, (double)p["validation"]!, (double)p["validation_std"]!))]);

    public static LearningCurveResult FromPoints(string folder, string metric, IReadOnlyList<CurvePoint> points) =>
        new(folder, metric, points, DataSufficiency.Estimate([.. points.Select(p => p.Rows)], [.. points.Select(p => p.Validation)]));

    public string ToCsv()
    {
        var text = new StringBuilder($"rows,train_{Metric},train_{Metric}_std,val_{Metric},val_{Metric}_std\n");
        foreach (var p in Points)
            text.AppendJoin(',', new[] { p.Rows, p.Train, p.TrainSpread, p.Validation, p.ValidationSpread }.Select(v => Convert.ToDouble(v).ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        return text.ToString();
    }

    private static double R(double value) => Math.Round(value, 6);
}
