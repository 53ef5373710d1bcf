using Lathe.Bench;
using Lathe.Torch.Runtime;
using static TorchSharp.torch;

// Before anything touches torch: libgomp reads its wait policy once, when libtorch loads.
TorchRuntime.Initialize();

if (args.Length > 0 && args[0] == "svm") return SvmComparison.Run(args);
if (args.Length > 0 && args[0] == "augment") return AugmentOverhead.Run(args);

var options = BenchOptions.Parse(args);
if (options is null) return 2;
if (options.Command == "transfer") return TransferDemo.Run(options);

Console.WriteLine($"Lathe.Bench {options.Command}: {options.Epochs} measured epochs + 1 warm-up, seed {options.Seed}, " +
    $"torch threads {get_num_threads()}, cores {Environment.ProcessorCount}, " +
    $"OMP_WAIT_POLICY={Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "(unset)"}, " +
    $"GOMP_SPINCOUNT={Environment.GetEnvironmentVariable("GOMP_SPINCOUNT") ?? "(unset)"}, " +
    $"loadavg {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");

var model = BenchModel.ByName(options.Model);
using var data = FashionMnist.LoadTrain(options.DataDirectory, options.Rows ?? model.DefaultRows);
Console.WriteLine($"data: first {data.Rows} training rows × {FashionMnist.Width} features, pixels scaled to [0, 1]; " +
    $"{model.Description}, batch {InterleavedComparison.BatchSize}, Adam lr {InterleavedComparison.LearningRate:0e0}, fp32");

if (options.Command == "trainer")
    new InterleavedComparison(options, model, data).Run();
else
    PlainOnlyRun.Run(options, model, data);
return 0;
