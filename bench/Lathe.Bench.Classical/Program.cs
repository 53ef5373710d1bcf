using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lathe.Bench.Classical;
using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Training;

// usage: Lathe.Bench.Classical DATA_DIR [REPEATS]
// Prints one JSON line per (dataset, model), like sklearn_reference.py: test score and median fit time.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Lathe.Bench.Classical DATA_DIR [REPEATS]   (DATA_DIR from bench/classical/export_datasets.py)");
    return 2;
}
var root = args[0];
var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;

// One untimed fit of every estimator on a small set, so JIT compilation is not counted in the timings.
var warmUp = Load(Path.Combine(root, "iris", "train.csv"), classification: true);
foreach (var make in Lineup.Classifiers.Values) make().Fit(new TrainingData(warmUp, null, "y", TaskKind.Classification), new FitContext(0));

foreach (var dataset in Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal))
{
    var classification = dataset != "diabetes";
    var train = Load(Path.Combine(root, dataset!, "train.csv"), classification);
    var test = Load(Path.Combine(root, dataset!, "test.csv"), classification);
    var task = classification ? TaskKind.Classification : TaskKind.Regression;
    foreach (var (name, make) in classification ? Lineup.Classifiers : Lineup.Regressors)
    {
        var (model, seconds) = Timed(() => make().Fit(new TrainingData(train, null, "y", task), new FitContext(0)), repeats);
        var scores = Scoring.Score(model.Predict(test), test["y"]);
        Print(dataset!, name, classification ? "accuracy" : "r2", classification ? scores["accuracy"] : scores["r2"], seconds);
    }
}
return 0;

static Table Load(string path, bool classification)
{
    var table = CsvReader.Read(path);
    return classification ? table : table;
}

static (IModel Model, double Seconds) Timed(Func<IModel> fit, int repeats)
{
    var times = new List<double>();
    IModel? model = null;
    for (var i = 0; i < repeats; i++)
    {
        var watch = Stopwatch.StartNew();
        model = fit();
        times.Add(watch.Elapsed.TotalSeconds);
    }
    times.Sort();
    return (model!, times[times.Count / 2]);
}

static void Print(string dataset, string model, string metric, double score, double seconds) =>
    Console.WriteLine(JsonSerializer.Serialize(new { dataset, model, metric, score = Math.Round(score, 4), fit_s = Math.Round(seconds, 4) }));
