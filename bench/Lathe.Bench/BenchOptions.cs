using System.Globalization;

namespace Lathe.Bench;

/// <summary>What to run, parsed from the command line: <c>trainer|plain|transfer [--model mlp|cnn] [--rows N] [--epochs N] [--seed S] [--seeds N] [--data DIR] [--attribute]</c>.</summary>
public sealed record BenchOptions
{
    public const string DefaultDataDirectory = "/usr/share/datasets/fashion-mnist";

    public const string Usage =
        "usage: Lathe.Bench trainer|plain|transfer [--model mlp|cnn] [--rows N] [--epochs N] [--seed S] [--seeds N] [--data DIR] [--attribute]\n" +
        "  trainer    Lathe's Trainer and a plain TorchSharp loop, interleaved epoch by epoch; prints the ratio,\n" +
        "             a 2048² matmul's GFLOP/s and the training step's achieved GFLOP/s\n" +
        "  plain      the plain TorchSharp loop only (used by bench/omp-policy.sh)\n" +
        "  transfer   pretrain a CNN on Fashion-MNIST classes 0-4, fine-tune on 50 images per class of 5-9 (docs/transfer-learning.md)\n" +
        "  --model    (trainer, plain) mlp: 784-256-128-10 on 60,000 images (default); cnn: Lathe's CnnSpec([32, 64], [128]) on 10,000\n" +
        "  --rows     (trainer, plain) train on the first N training images instead of the model's default\n" +
        "  --epochs   measured epochs after one uncounted warm-up epoch (default 5; not used by transfer)\n" +
        "  --seeds    (transfer) draws of the 250 training images, seeds S, S+1, ... (default 3)\n" +
        "  --attribute  (trainer) also time the plain loop plus the Trainer's per-batch metrics, to locate overhead";

    public required string Command { get; init; }

    /// <summary>trainer, plain: which network, a <see cref="BenchModel"/> name.</summary>
    public string Model { get; init; } = "mlp";

    /// <summary>trainer, plain: train on the first this many images; null for the model's default.</summary>
    public int? Rows { get; init; }

    public int Epochs { get; init; } = 5;

    public int Seed { get; init; } = 1;

    /// <summary>transfer: how many seeds (draws of the small training set) to average over.</summary>
    public int Seeds { get; init; } = 3;

    public string DataDirectory { get; init; } = DefaultDataDirectory;

    public bool Attribute { get; init; }

    /// <summary>Parses <paramref name="args"/>; returns null (after printing why) when they are not understood.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("trainer" or "plain" or "transfer"))
            return Fail(args.Length == 0 ? "no command given" : $"unknown command '{args[0]}'");
        var options = new BenchOptions { Command = args[0] };
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--epochs" when TryPositive(value, out var epochs):
                    options = options with { Epochs = epochs };
                    i++;
                    break;
                case "--model" when value is not null && BenchModel.Names.Contains(value):
                    options = options with { Model = value };
                    i++;
                    break;
                case "--rows" when TryPositive(value, out var rows):
                    options = options with { Rows = rows };
                    i++;
                    break;
                case "--seed" when TryPositive(value, out var seed):
                    options = options with { Seed = seed };
                    i++;
                    break;
                case "--seeds" when TryPositive(value, out var seeds):
                    options = options with { Seeds = seeds };
                    i++;
                    break;
                case "--data" when value is not null:
                    options = options with { DataDirectory = value };
                    i++;
                    break;
                case "--attribute":
                    options = options with { Attribute = true };
                    break;
                default:
                    return Fail($"'{args[i]}' is not an option here, or its value is missing, not a positive integer or not mlp|cnn");
            }
        }
        return options;
    }

    private static bool TryPositive(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private static BenchOptions? Fail(string reason)
    {
        Console.Error.WriteLine($"Lathe.Bench: {reason}.");
        Console.Error.WriteLine(Usage);
        return null;
    }
}
