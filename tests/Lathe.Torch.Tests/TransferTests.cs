using Lathe.Models;
using Lathe.Torch.Models;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using Lathe.Torch.Transfer;
using Lathe.Training;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Lathe.Torch.Tests;

public class TransferTests
{
    private static TensorData Data()
    {
        var random = new Random(1);
        var x = Enumerable.Range(0, 64 * 4).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        return TensorData.From(x, 4, Enumerable.Range(0, 64).Select(r => x[r * 4] > 0 ? 1L : 0L).ToArray());
    }

    private static MlpNet Net(int outputs = 2)
    {
        Runtime.TorchRuntime.Initialize();
        random.manual_seed(3);
        return new MlpNet(4, [8, 8], outputs, 0);
    }

    private static Dictionary<string, float[]> Snapshot(nn.Module net) =>
        net.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().data<float>().ToArray());

    private static TrainerOptions Options(FinetuneOptions finetune, int epochs = 3) => new()
    {
        Epochs = epochs, BatchSize = 16, Device = "cpu", Finetune = finetune,
        Optimizer = new OptimizerOptions { Type = "adamw", LearningRate = 0.01, WeightDecay = 0.1 },
    };

    [Fact]
    public void Frozen_layers_keep_their_weights_and_the_rest_trains()
    {
        using var data = Data();
        using var net = Net();
        var before = Snapshot(net);
        new Trainer(Options(new FinetuneOptions { Freeze = ["layers.linear0", "layers.linear1.bias"] }))
            .Fit(net, new SoftmaxObjective(), data, null, new FitContext(), CPU);
        var after = Snapshot(net);
        Assert.Equal(before["layers.linear0.weight"], after["layers.linear0.weight"]);
        Assert.Equal(before["layers.linear0.bias"], after["layers.linear0.bias"]);
        Assert.Equal(before["layers.linear1.bias"], after["layers.linear1.bias"]);       // a pattern freezes just what it matches
        Assert.NotEqual(before["layers.linear1.weight"], after["layers.linear1.weight"]);
        Assert.NotEqual(before["layers.output.weight"], after["layers.output.weight"]);
        Assert.All(net.parameters(), p => Assert.True(p.requires_grad)); // not left frozen afterwards
    }

    [Fact]
    public void Gradual_unfreezing_releases_one_layer_per_period_from_the_output_side()
    {
        using var data = Data();
        using var net = Net();
        var freezing = new LayerFreezing(net, new FinetuneOptions { FreezeDepth = 2, UnfreezeEvery = 2 });
        Assert.Equal(["layers.linear0", "layers.linear1"], freezing.FrozenAt(1));
        Assert.Equal(["layers.linear0", "layers.linear1"], freezing.FrozenAt(2));
        Assert.Equal(["layers.linear0"], freezing.FrozenAt(3));
        Assert.Empty(freezing.FrozenAt(5));

        var before = Snapshot(net);
        var log = new List<string>();
        new Trainer(Options(new FinetuneOptions { FreezeDepth = 2, UnfreezeEvery = 2 }, epochs: 5))
            .Fit(net, new SoftmaxObjective(), data, null, new FitContext(log: log.Add), CPU);
        Assert.NotEqual(before["layers.linear0.weight"], Snapshot(net)["layers.linear0.weight"]); // trained in epoch 5
        Assert.Contains("epoch 3: frozen layers: layers.linear0", log);
        Assert.Contains("epoch 5: frozen layers: none", log);
    }

    [Fact]
    public void Learning_rate_multipliers_scale_each_layer_s_rate()
    {
        using var data = Data();
        using var net = Net();
        var before = Snapshot(net);
        var history = new History();
        new Trainer(Options(new FinetuneOptions { LrMultipliers = new Dictionary<string, double> { ["layers.linear*"] = 0 } }) with
            { Optimizer = new OptimizerOptions { Type = "adam", LearningRate = 0.01 } })
            .Fit(net, new SoftmaxObjective(), data, null, new FitContext(callbacks: [history]), CPU);
        var after = Snapshot(net);
        Assert.Equal(before["layers.linear1.weight"], after["layers.linear1.weight"]); // rate 0.01 × 0
        Assert.NotEqual(before["layers.output.weight"], after["layers.output.weight"]);
    }

    [Fact]
    public void A_pattern_that_matches_nothing_lists_the_parameter_names()
    {
        using var net = Net();
        var e = Assert.Throws<LatheException>(() => new LayerFreezing(net, new FinetuneOptions { Freeze = ["encoder.*"] }));
        Assert.Contains("layers.linear0.weight", e.Message);
    }

    [Fact]
    public void Loading_a_file_with_a_missing_an_extra_and_a_reshaped_tensor_reports_each()
    {
        var file = Path.Combine(Path.GetTempPath(), "lathe-pretrained-" + Guid.NewGuid().ToString("N")[..8] + ".safetensors");
        try
        {
            using var source = Net(outputs: 5); // another number of classes: the head differs in shape
            var weights = source.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value);
            weights.Remove("layers.linear1.bias");
            weights["decoder.weight"] = zeros(3, 3);
            Safetensors.SaveStateDict(file, weights);

            using var target = Net(outputs: 2);
            var report = WeightTransfer.Apply(target, PretrainedWeights.Read(file));
            Assert.Contains("layers.linear0.weight", report.Loaded);
            Assert.Equal(["layers.linear1.bias"], report.MissingFromFile);
            Assert.Equal(["decoder.weight"], report.UnusedInFile);
            Assert.Equal(["layers.output.weight", "layers.output.bias"], report.ShapeMismatches.Select(m => m.Name));
            Assert.Equal(source.state_dict()["layers.linear0.weight"].data<float>().ToArray(), target.state_dict()["layers.linear0.weight"].data<float>().ToArray());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Skipped_parameters_stay_fresh_and_are_reported()
    {
        using var source = Net();
        using var target = Net();
        var fresh = target.state_dict()["layers.output.weight"].data<float>().ToArray();
        var report = WeightTransfer.Apply(target, source.state_dict(), skip: ["layers.output"]);
        Assert.Equal(["layers.output.weight", "layers.output.bias"], report.Skipped);
        Assert.Equal(fresh, target.state_dict()["layers.output.weight"].data<float>().ToArray());
        Assert.Contains("pretrained: kept fresh (finetune.skip): layers.output.weight, layers.output.bias", report.Describe());
    }

    [Fact]
    public void Renames_map_file_prefixes_to_network_prefixes_and_a_pytorch_state_dict_loads()
    {
        var file = Path.Combine(Path.GetTempPath(), "lathe-pretrained-" + Guid.NewGuid().ToString("N")[..8] + ".pt");
        try
        {
            using var source = Net();
            var renamed = source.state_dict().ToDictionary(kv => kv.Key.Replace("layers.", "backbone."), kv => kv.Value);
            PyTorchPickler.PickleStateDict(file, renamed);
            using var target = Net();
            var report = WeightTransfer.Apply(target, PretrainedWeights.Read(file), new Dictionary<string, string> { ["backbone"] = "layers" });
            Assert.Equal(6, report.Loaded.Count);
            Assert.Empty(report.UnusedInFile);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_estimator_fine_tunes_from_a_saved_model_with_a_new_head()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lathe-pretrained-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var training = new TrainerOptions { Epochs = 20, BatchSize = 16, Device = "cpu", Optimizer = new OptimizerOptions { LearningRate = 0.01 } };
            var pretrained = (PipelineModel)new Pipeline(new MlpClassifier(new MlpOptions { Hidden = [16], Training = training }))
                .Fit(SyntheticData.Classification(SyntheticData.Blobs(150, 1), null), new FitContext(1));
            ModelFolder.Save(pretrained, dir);

            // Two classes now: the head is re-initialized, the hidden layer comes from the saved model.
            var blobs = SyntheticData.Blobs(150, 2);
            var twoClasses = blobs.Take([.. Enumerable.Range(0, blobs.RowCount).Where(i => blobs["label"].Format(i) != "c")]);
            twoClasses = twoClasses.With(TargetEncoding.Encode(twoClasses["label"], TaskKind.Classification, "blobs"));
            var log = new List<string>();
            var options = new MlpOptions { Hidden = [16], Training = training with { Epochs = 5 }, Pretrained = new PretrainedSource(dir) };
            var model = new MlpClassifier(options).Fit(new TrainingData(twoClasses, null, "label", TaskKind.Classification), new FitContext(1, log: log.Add));
            Assert.Contains("pretrained: loaded 2 tensors", log);
            Assert.Contains(log, l => l.StartsWith("pretrained: kept fresh (shape differs") && l.Contains("layers.output.weight"));
            Assert.Equal(2, model.Predict(twoClasses).Classes!.Count);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
