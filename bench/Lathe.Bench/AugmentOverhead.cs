using System.Diagnostics;
using Lathe.Augmentation;
using Lathe.Torch.Augmentation;
using static TorchSharp.torch;

namespace Lathe.Bench;

/// <summary>
/// <c>Lathe.Bench augment [rows]</c>: seconds that data.augment adds to one epoch of Fashion-MNIST batches
/// of 128 (the augmentations alone, no network), for the flip+crop pair and for every image augmentation.
/// Compare with an epoch's training time from <c>lathe train examples/fashion-mnist/cnn.yaml</c>.
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
        return 0;
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
