using System.Diagnostics;
using System.Globalization;
using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Prep;
using Lathe.Torch.Models;
using Lathe.Torch.Schedules;
using Lathe.Torch.Training;
using Lathe.Torch.Transfer;
using Lathe.Training;

namespace Lathe.Bench;

/// <summary>
/// <c>transfer</c>: pretrain a CNN on Fashion-MNIST classes 0–4, then train on 50 labelled images of each
/// of classes 5–9 from scratch and from the pretrained weights in several ways, and compare test accuracy
/// on the 5,000 test images of classes 5–9. The main variants scale pixels by a fixed 1/255 (no fitted
/// preparation), so the pretrained filters see inputs on the scale they were trained on; the two
/// "StandardScaler" variants instead fit a per-pixel StandardScaler on each fit's own training rows, as
/// `lathe train` does, pretrained model included.
/// </summary>
public static class TransferDemo
{
    private const int PerClass = 50;
    private const int PretrainEpochs = 3;
    private const int FinetuneEpochs = 35;
    private const int FinetuneBatch = 32;

    private static readonly string[] SourceClasses = ["0", "1", "2", "3", "4"];
    private static readonly string[] TargetClasses = ["5", "6", "7", "8", "9"];

    /// <summary>The pretrained file's output layer is renamed away, so this network's output layer starts fresh (see the docs).</summary>
    private static readonly Dictionary<string, string> FreshOutput = new() { ["head.output"] = "pretrained_head.output" };

    private sealed record Variant(string Name, bool Pretrained, FinetuneOptions Finetune, IReadOnlyDictionary<string, string>? Rename = null, bool Scaled = false);

    public static int Run(BenchOptions options)
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Lathe.Bench transfer: {options.Seeds} seeds from {options.Seed}, cores {Environment.ProcessorCount}, " +
                          $"loadavg {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
        var train = Load(options.DataDirectory, "train");
        var test = Load(options.DataDirectory, "t10k");

        var sourceTrain = Subset(train, SourceClasses);
        var sourceTest = Subset(test, SourceClasses);
        var targetTest = Subset(test, TargetClasses);
        Console.WriteLine($"data: pixels / 255; pretrain on {sourceTrain.RowCount} training images of classes 0–4; " +
                          $"fine-tune on {PerClass} per class of 5–9 ({PerClass * TargetClasses.Length} images); test on {targetTest.RowCount} images of 5–9");

        var folder = Path.Combine(Path.GetTempPath(), "lathe-transfer-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var clock = Stopwatch.StartNew();
            var pretrainOptions = Cnn(new TrainerOptions
            {
                Epochs = PretrainEpochs, BatchSize = 128, Device = "cpu",
                Optimizer = new OptimizerOptions { Type = "adamw", LearningRate = 2e-3, WeightDecay = 0.01 },
            }, null);
            foreach (var scaled in new[] { false, true })
            {
                clock.Restart();
                var pretrained = (PipelineModel)Prepared(scaled, new CnnClassifier(pretrainOptions))
                    .Fit(Classification(sourceTrain), new FitContext(options.Seed));
                ModelFolder.Save(pretrained, Path.Combine(folder, Preparation(scaled)));
                Console.WriteLine($"pretrained ({Preparation(scaled)}): {PretrainEpochs} epochs, batch 128, adamw lr 2e-3, test accuracy on classes 0–4 " +
                                  $"{Accuracy(pretrained, sourceTest):F4} ({clock.Elapsed.TotalSeconds:F0} s)");
            }

            Variant[] variants =
            [
                new("scratch", false, new FinetuneOptions()),
                new("fine-tune all", true, new FinetuneOptions(), FreshOutput),
                new("fine-tune all, old output layer kept", true, new FinetuneOptions()),
                new("frozen features (head only)", true, new FinetuneOptions { Freeze = ["features"] }, FreshOutput),
                new("features lr ×0.1", true, new FinetuneOptions { LrMultipliers = new Dictionary<string, double> { ["features"] = 0.1 } }, FreshOutput),
                new("scratch, StandardScaler", false, new FinetuneOptions(), Scaled: true),
                new("fine-tune all, StandardScaler", true, new FinetuneOptions(), FreshOutput, Scaled: true),
            ];
            var accuracies = variants.Select(_ => new List<double>()).ToArray();
            var seconds = variants.Select(_ => new List<double>()).ToArray();
            // For paired differences: the scratch variant with the same preparation, trained on the same images.
            var baselines = variants.Select(v => Array.FindIndex(variants, x => !x.Pretrained && x.Scaled == v.Scaled)).ToArray();
            for (var s = 0; s < options.Seeds; s++)
            {
                var seed = options.Seed + s;
                var rows = Stratified(train, TargetClasses, PerClass, seed);
                var data = Classification(train.Take(rows));
                for (var v = 0; v < variants.Length; v++)
                {
                    var variant = variants[v];
                    var training = new TrainerOptions
                    {
                        Epochs = FinetuneEpochs, BatchSize = FinetuneBatch, Device = "cpu", Finetune = variant.Finetune,
                        Optimizer = new OptimizerOptions { Type = "adamw", LearningRate = 1e-3, WeightDecay = 0.01 },
                        Schedule = new ScheduleOptions { Type = "cosine" },
                    };
                    var source = variant.Pretrained ? new PretrainedSource(Path.Combine(folder, Preparation(variant.Scaled)), variant.Rename) : null;
                    var log = s == 0 ? (Action<string>)(line => Console.WriteLine($"  [{variant.Name}] {line}")) : null;
                    clock.Restart();
                    var model = Prepared(variant.Scaled, new CnnClassifier(Cnn(training, source))).Fit(data, new FitContext(seed, log: log));
                    seconds[v].Add(clock.Elapsed.TotalSeconds);
                    accuracies[v].Add(Accuracy(model, targetTest));
                    Console.WriteLine($"seed {seed}  {variant.Name,-38} test accuracy {accuracies[v][^1]:F4}  ({seconds[v][^1]:F1} s)");
                }
            }

            Console.WriteLine();
            Console.WriteLine($"{PerClass} images per class of 5–9, {FinetuneEpochs} epochs, batch {FinetuneBatch}, adamw lr 1e-3 cosine, " +
                              $"{options.Seeds} seeds; accuracy on the {targetTest.RowCount} test images of classes 5–9 (mean ± sample std)");
            Console.WriteLine("| variant | test accuracy | − scratch, same seed | seconds per fit |");
            Console.WriteLine("|---|---|---|---|");
            for (var v = 0; v < variants.Length; v++)
            {
                var paired = accuracies[v].Zip(accuracies[baselines[v]], (a, b) => a - b).ToList();
                var difference = v == baselines[v] ? "" : string.Create(CultureInfo.InvariantCulture, $"{paired.Average():+0.0000;-0.0000} ± {Std(paired):F4}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {variants[v].Name} | {accuracies[v].Average():F4} ± {Std(accuracies[v]):F4} | {difference} | {seconds[v].Average():F1} |"));
            }
            Console.WriteLine($"total {total.Elapsed.TotalSeconds:F0} s");
            return 0;
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static string Preparation(bool scaled) => scaled ? "standard-scaler" : "pixels-255";

    /// <summary>The CNN alone (pixels / 255), or behind a per-pixel StandardScaler fitted on the fit's own training rows (what `lathe train` does).</summary>
    private static Pipeline Prepared(bool scaled, IEstimator cnn) => scaled ? new Pipeline([new StandardScaler()], cnn) : new Pipeline(cnn);

    private static CnnOptions Cnn(TrainerOptions training, PretrainedSource? pretrained) => new()
    {
        Channels = [32, 64], Hidden = [128], Dropout = 0.3, Training = training, Pretrained = pretrained,
    };

    /// <summary>Images (pixels / 255) and the label as a number; "train" or "t10k".</summary>
    private static Table Load(string directory, string part)
    {
        var table = IdxReader.ReadImagesAndLabels(Path.Combine(directory, $"{part}-images-idx3-ubyte.gz"),
                                                  Path.Combine(directory, $"{part}-labels-idx1-ubyte.gz"));
        var images = (VectorColumn)table["image"];
        var pixels = images.Data.ToArray();
        for (var i = 0; i < pixels.Length; i++) pixels[i] /= 255f;
        return table.With(new VectorColumn("image", pixels, [.. images.Shape]));
    }

    private static Table Subset(Table table, string[] classes)
    {
        var label = table["label"];
        return table.Take([.. Enumerable.Range(0, table.RowCount).Where(i => classes.Contains(label.Format(i)))]);
    }

    /// <summary><paramref name="perClass"/> rows of each class, drawn without replacement by a generator seeded with <paramref name="seed"/>.</summary>
    private static int[] Stratified(Table table, string[] classes, int perClass, int seed)
    {
        var random = new Random(seed);
        var label = table["label"];
        return [.. classes.SelectMany(c =>
        {
            var rows = Enumerable.Range(0, table.RowCount).Where(i => label.Format(i) == c).ToArray();
            random.Shuffle(rows);
            return rows.Take(perClass);
        })];
    }

    private static TrainingData Classification(Table table) =>
        new(table.With(TargetEncoding.Encode(table["label"], TaskKind.Classification, "fashion-mnist")).WithRole("label", ColumnRole.Target),
            null, "label", TaskKind.Classification);

    private static double Accuracy(IModel model, Table test) =>
        Scoring.Score(model.Predict(test), TargetEncoding.Encode(test["label"], TaskKind.Classification, "fashion-mnist"))["accuracy"];

    private static double Std(List<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
