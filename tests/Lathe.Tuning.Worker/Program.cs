using System.Globalization;
using Lathe.Tuning.Distributions;
using Lathe.Tuning.Pruners;
using Lathe.Tuning.Samplers;
using Lathe.Tuning.Storage;
using Lathe.Tuning.Studies;

// Usage: Lathe.Tuning.Worker STORAGE STUDY [--trials N] [--study-trials M] [--sampler grid|random|tpe]
//        [--heartbeat S] [--grace S] [--hang-marker FILE]
// With --hang-marker, the first trial writes FILE and then waits forever (the test kills the process there).
var storageUrl = args[0];
var studyName = args[1];
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
int? trials = Option("--trials", "") is { Length: > 0 } t ? int.Parse(t, CultureInfo.InvariantCulture) : null;
int? studyTrials = Option("--study-trials", "") is { Length: > 0 } m ? int.Parse(m, CultureInfo.InvariantCulture) : null;
var samplerName = Option("--sampler", "random");
var heartbeat = double.Parse(Option("--heartbeat", "0.5"), CultureInfo.InvariantCulture);
var grace = double.Parse(Option("--grace", "2"), CultureInfo.InvariantCulture);
var hangMarker = Option("--hang-marker", "");

var x = new FloatDistribution(-2, 2, step: 1);
var y = new IntDistribution(0, 3);
var c = CategoricalDistribution.Of(new[] { "a", "b" });
ISampler sampler = samplerName switch
{
    "grid" => GridSampler.Product(new Dictionary<string, ParamDistribution> { ["x"] = x, ["y"] = y, ["c"] = c }),
    "tpe" => new TpeSampler(seed: 1),
    _ => new RandomSampler(seed: 1),
};
using var storage = StorageUrl.Open(storageUrl, Directory.GetCurrentDirectory());
var study = Study.CreateOrLoad(studyName, storage, new StudyOptions
{
    Direction = StudyDirection.Minimize, Sampler = sampler, Pruner = new NoPruner(),
    HeartbeatSeconds = heartbeat, GraceSeconds = grace, Log = Console.Error.WriteLine,
});
var finished = study.Optimize(trial =>
{
    var xv = trial.SuggestInternal("x", x);
    var yv = trial.SuggestInternal("y", y);
    var cv = trial.SuggestCategorical("c", new[] { "a", "b" });
    if (hangMarker.Length > 0)
    {
        File.WriteAllText(hangMarker, trial.Number.ToString(CultureInfo.InvariantCulture));
        Thread.Sleep(Timeout.Infinite);
    }
    var value = xv * xv + (yv - 1) * (yv - 1) + (cv == "a" ? 0 : 0.5);
    for (var step = 1; step <= 3; step++)
    {
        Thread.Sleep(2);
        trial.Report(step, value + 1.0 / step);
    }
    return value;
}, new OptimizeLimits { Trials = trials, StudyTrials = studyTrials });
Console.WriteLine($"finished {finished.Count}");
