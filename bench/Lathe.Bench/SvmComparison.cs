using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Models.Svm;
using Lathe.Training;

namespace Lathe.Bench;

/// <summary>
/// <c>Lathe.Bench svm DIR [--datasets a,b]</c>: fits <see cref="SvmClassifier"/> with its defaults,
/// probability off and on, on the standardized data sets bench/svm_reference.py wrote into DIR, and prints one
/// RESULT line per setting in that script's format (docs/benchmarks.md section 6). fit_s is the median of 21 fits
/// below 1,000 rows, of 5 below 5,000, else one fit, after one uncounted warm-up fit on iris; it includes what every
/// Lathe fit does after solving: predicting the training rows once for train_loss. cpu_s is the process's CPU
/// time over the fit (all threads), a steadier figure than wall time on a shared machine.
/// </summary>
public static class SvmComparison
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: Lathe.Bench svm DIR [--datasets iris,wine,breast_cancer,digits,fashion10k]");
            return 2;
        }
        var directory = args[1];
        var names = "iris,wine,breast_cancer,digits,fashion10k".Split(',');
        for (var i = 2; i + 1 < args.Length; i += 2)
            if (args[i] == "--datasets") names = args[i + 1].Split(',');
        Console.WriteLine($"Lathe.Bench svm: cores {Environment.ProcessorCount}, loadavg {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");

        var warmUp = Load(directory, "iris", test: false);
        new SvmClassifier().Fit(warmUp, new FitContext());
        foreach (var name in names)
        {
            if (!File.Exists(Path.Combine(directory, name + ".json"))) continue;
            var data = Load(directory, name, test: false);
            var test = File.Exists(Path.Combine(directory, name + ".test.x.f32")) ? Load(directory, name, test: true).Train : null;
            var rows = data.Train.RowCount;
            foreach (var probability in new[] { false, true })
            {
                var times = new List<double>();
                var cpu = new List<double>();
                SvmModel? model = null;
                for (var r = 0; r < (rows < 1000 ? 21 : rows < 5000 ? 5 : 1); r++)
                {
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    model = (SvmModel)new SvmClassifier(new SvmOptions { Probability = probability }).Fit(data, new FitContext(0));
                    times.Add(watch.Elapsed.TotalSeconds);
                    cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
                }
                var predictWatch = Stopwatch.StartNew();
                var train = Scoring.Score(model!.Predict(data.Train), data.Train["label"])["accuracy"];
                var predictSeconds = predictWatch.Elapsed.TotalSeconds;
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"RESULT tool=lathe data={name} rows={rows} width={((VectorColumn)data.Train["x"]).Width} probability={(probability ? "True" : "False")} " +
                    $"fit_s={Median(times):F4} cpu_s={Median(cpu):F4} support_vectors={model.SupportVectorCount} train_accuracy={train:F4} predict_train_s={predictSeconds:F3}");
                if (test is not null)
                    line += string.Create(CultureInfo.InvariantCulture, $" test_accuracy={Scoring.Score(model.Predict(test), test["label"])["accuracy"]:F4}");
                Console.WriteLine(line);
            }
        }
        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    private static TrainingData Load(string directory, string name, bool test)
    {
        var meta = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, name + ".json")))!;
        var rows = (int)meta[test ? "test_rows" : "rows"]!;
        var width = (int)meta["width"]!;
        var prefix = Path.Combine(directory, name + (test ? ".test" : ""));
        var x = new float[rows * width];
        Buffer.BlockCopy(File.ReadAllBytes(prefix + ".x.f32"), 0, x, 0, x.Length * sizeof(float));
        var y = new int[rows];
        Buffer.BlockCopy(File.ReadAllBytes(prefix + ".y.i32"), 0, y, 0, rows * sizeof(int));
        var classes = TargetEncoding.ClassesOf([new NumericColumn("l", [.. y.Select(v => (float)v)])]);
        var table = new Table([new VectorColumn("x", x, [width]),
            CategoricalColumn.FromStrings("label", [.. y.Select(v => v.ToString(CultureInfo.InvariantCulture))], classes)]);
        return new TrainingData(table, null, "label", TaskKind.Classification);
    }
}
