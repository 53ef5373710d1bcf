using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lathe.Bench.Classical;
using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Training;

// usage: Lathe.Bench.Classical DATA_DIR [REPEATS] [MODEL,MODEL...]
// Prints one JSON line per (dataset, model), like sklearn_reference.py: test score, median fit time and its CPU time.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Lathe.Bench.Classical DATA_DIR [REPEATS] [MODEL,MODEL...]   (DATA_DIR from bench/classical/export_datasets.py)");
    return 2;
}
var root = args[0];
var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var only = args.Length > 2 ? args[2].Split(',') : null;

// One untimed fit of every estimator on a small set, so JIT compilation is not counted in the timings.
var warmUp = CsvReader.Read(Path.Combine(root, "iris", "train.csv"));
foreach (var make in Lineup.Classifiers.Values) make().Fit(new TrainingData(warmUp, null, "y", TaskKind.Classification), new FitContext(0));

foreach (var dataset in Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal))
{
    var classification = dataset != "diabetes";
    var train = CsvReader.Read(Path.Combine(root, dataset!, "train.csv"));
    var test = CsvReader.Read(Path.Combine(root, dataset!, "test.csv"));
    var task = classification ? TaskKind.Classification : TaskKind.Regression;
    foreach (var (name, make) in classification ? Lineup.Classifiers : Lineup.Regressors)
    {
        if (only is not null && !only.Contains(name)) continue;
        var (model, seconds, cpuSeconds) = Timed(() => make().Fit(new TrainingData(train, null, "y", task), new FitContext(0)), repeats);
        var scores = Scoring.Score(model.Predict(test), test["y"]);
        Print(dataset!, name, classification ? "accuracy" : "r2", classification ? scores["accuracy"] : scores["r2"], seconds, cpuSeconds);
    }
    if (dataset != "fashion10k" && (only is null || only.Contains("tree_seeds")))
    {
        // Ties between equally good splits are broken by a seeded random feature order (as in scikit-learn): the mean
        // over seeds compares the trees rather than one draw of the tie-breaking. Same seed count as sklearn_reference.py.
        var (scores, fits) = (new List<double>(), new List<double>());
        for (var seed = 0; seed < 20; seed++)
        {
            var make = (classification ? Lineup.Classifiers : Lineup.Regressors)["tree"];
            var (model, seconds, _) = Timed(() => make().Fit(new TrainingData(train, null, "y", task), new FitContext(seed)), 1);
            scores.Add(Scoring.Score(model.Predict(test), test["y"])[classification ? "accuracy" : "r2"]);
            fits.Add(seconds);
        }
        fits.Sort();
        Print(dataset!, "tree_seeds", classification ? "accuracy" : "r2", scores.Average(), fits[fits.Count / 2], 0);
    }
    if (dataset == "digits" && (only is null || only.Contains("kmeans")))
    {
        // Clusters of the training rows against their digit labels, as sklearn_reference.py scores KMeans.labels_.
        var features = train.Without("y");
        var (model, seconds, cpuSeconds) = Timed(() => Lineup.KMeansOnDigits().Fit(new TrainingData(features, null, "", TaskKind.Clustering), new FitContext(0)), repeats);
        var prediction = model.Predict(features);
        var x = FeatureMatrix.Build(features, [.. features.ColumnNames], out var width);
        Print(dataset!, "kmeans", "ari", Scoring.Clustering(prediction, x, width, train["y"])["ari"], seconds, cpuSeconds);
    }
}
return 0;

// Median wall-clock seconds of the fits, and the process CPU seconds of that same fit (all threads).
static (IModel Model, double Seconds, double CpuSeconds) Timed(Func<IModel> fit, int repeats)
{
    var times = new List<(double Wall, double Cpu)>();
    IModel? model = null;
    var process = Process.GetCurrentProcess();
    for (var i = 0; i < repeats; i++)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        model = fit();
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        times.Add((wall, (process.TotalProcessorTime - cpu).TotalSeconds));
    }
    times.Sort();
    var (seconds, cpuSeconds) = times[times.Count / 2];
    return (model!, seconds, cpuSeconds);
}

static void Print(string dataset, string model, string metric, double score, double seconds, double cpuSeconds) =>
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        dataset, model, metric, score = Math.Round(score, 4), fit_s = Math.Round(seconds, 4), cpu_s = Math.Round(cpuSeconds, 4),
    }));
