using System.Diagnostics;
using Lathe.Augmentation;
using Lathe.Torch.Augmentation;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using static TorchSharp.torch;

namespace Lathe.Bench;

/// <summary>
/// <c>Lathe.Bench augment [rows] [--each] [--train]</c>: seconds that data.augment adds to one epoch of Fashion-MNIST
/// batches of 128 (the augmentations alone, no network), for the flip+crop pair and for every image
/// augmentation (with --each, every operation alone); with --train, also whole CNN training epochs (Lathe's cnn defaults) with each list,
/// interleaved epoch by epoch so that changing load on the machine hits all three alike.
/// </summary>
public static class AugmentOverhead
{
    private const int Batch = 128;

    public static int Run(string[] args)
    {
        var rows = args.Length > 1 ? int.Parse(args[1]) : 54_000;
        using var data = FashionMnist.LoadTrain(BenchOptions.DefaultDataDirectory, rows);
        (string Name, AugmentationSpec[] Specs)[] cases =
        [
            ("flip_horizontal + random_crop(2)", [new FlipHorizontal(), new RandomCrop { Padding = 2 }]),
            ("every image op + mixup", [
                new FlipHorizontal(), new FlipVertical(), new RandomCrop { Padding = 2 }, new Rotation { Degrees = 10 }, new Brightness(),
                new Contrast(), new Cutout { Size = 8 }, new GaussianNoise(), new Mixup()]),
        ];
        Console.WriteLine($"augment overhead: {data.Rows} Fashion-MNIST rows, batches of {Batch}, torch threads {get_num_threads()}, " +
                          $"loadavg {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
        foreach (var (name, specs) in cases)
        {
            var augmenter = new BatchAugmenter(specs, AugmentedInput.Image, [1, 28, 28], classes: FashionMnist.Classes);
            var seconds = Enumerable.Range(0, 4).Select(epoch => Epoch(augmenter, data.Inputs, data.Targets, epoch)).Skip(1).ToArray(); // first: warm-up
            Console.WriteLine($"{name}: {seconds.Min():0.00} s per epoch (best of 3; all: {string.Join(", ", seconds.Select(s => s.ToString("0.00")))})");
        }
        if (args.Contains("--each"))
            foreach (var spec in cases[^1].Specs)
            {
                var augmenter = new BatchAugmenter([spec], AugmentedInput.Image, [1, 28, 28], classes: FashionMnist.Classes);
                var seconds = Enumerable.Range(0, 4).Select(epoch => Epoch(augmenter, data.Inputs, data.Targets, epoch)).Skip(1).Min();
                Console.WriteLine($"  {spec.Describe()}: {seconds:0.000} s per epoch (best of 3)");
            }
        if (args.Contains("--train")) TrainingEpochs(data, [("none", []), .. cases]);
        return 0;
    }

    private static void TrainingEpochs(TensorData data, (string Name, AugmentationSpec[] Specs)[] cases)
    {
        var nets = cases.Select(_ =>
        {
            random.manual_seed(1);
            return new CnnSpec([32, 64], [128]).Build([1, 28, 28], FashionMnist.Classes);
        }).ToArray();
        var times = cases.Select(_ => new List<double>()).ToArray();
        var objective = new SoftmaxObjective();
        for (var epoch = 0; epoch < 4; epoch++)
        for (var c = 0; c < cases.Length; c++)
        {
            var options = new TrainerOptions { Epochs = 1, BatchSize = Batch, Device = "cpu", Augment = cases[c].Specs,
                Optimizer = new OptimizerOptions { Type = "adam", LearningRate = 0.001 } };
            var augmenter = cases[c].Specs.Length == 0 ? null : new BatchAugmenter(cases[c].Specs, AugmentedInput.Image, [1, 28, 28], FashionMnist.Classes);
            var clock = Stopwatch.StartNew();
            new Trainer(options).Fit(nets[c], objective, data, null, new Lathe.Training.FitContext(epoch), CPU, augmenter);
            if (epoch > 0) times[c].Add(clock.Elapsed.TotalSeconds); // epoch 0 warms up
        }
        for (var c = 0; c < cases.Length; c++)
            Console.WriteLine($"cnn training epoch, augment {cases[c].Name}: median {times[c].Order().ElementAt(1):0.00} s (all: {string.Join(", ", times[c].Select(t => t.ToString("0.00")))})");
    }

    private static double Epoch(BatchAugmenter augmenter, Tensor inputs, Tensor targets, int epoch)
    {
        var clock = Stopwatch.StartNew();
        for (long start = 0, batch = 0; start < inputs.shape[0]; start += Batch, batch++)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(Batch, inputs.shape[0] - start);
            var (x, y) = augmenter.Apply(inputs.narrow(0, start, length), targets.narrow(0, start, length), 1, epoch, batch);
            _ = x.sum().item<float>() + y.to(ScalarType.Float32).sum().item<float>(); // make sure the work is done
        }
        return clock.Elapsed.TotalSeconds;
    }
}
