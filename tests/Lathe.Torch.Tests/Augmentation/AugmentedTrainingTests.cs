using Lathe.Augmentation;
using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Torch.Augmentation;
using Lathe.Torch.Models;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using Lathe.Training;
using static TorchSharp.torch;

namespace Lathe.Torch.Tests.Augmentation;

public class AugmentedTrainingTests
{
    /// <summary>8×8 images of a horizontal or vertical bar with noise: flips and small shifts keep the label.</summary>
    internal static Table Bars(int rows, int seed)
    {
        var random = new Random(seed);
        var pixels = new float[rows * 64];
        var labels = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            var horizontal = r % 2 == 0;
            var at = random.Next(8);
            for (var i = 0; i < 64; i++)
                pixels[r * 64 + i] = ((horizontal ? i / 8 : i % 8) == at ? 1f : 0f) + 0.3f * (float)random.NextDouble();
            labels[r] = horizontal ? "horizontal" : "vertical";
        }
        return new Table([new VectorColumn("image", pixels, [1, 8, 8]), CategoricalColumn.FromStrings("label", labels, ["horizontal", "vertical"])]);
    }

    private static readonly AugmentationSpec[] EveryImageOp =
    [
        new FlipHorizontal(), new FlipVertical(), new RandomCrop { Padding = 1 }, new Rotation { Degrees = 10 }, new Brightness { Delta = 0.1 },
        new Contrast { Factor = 0.1 }, new Cutout { Size = 2 }, new GaussianNoise { Std = 0.05 }, new Mixup { Alpha = 0.2 },
    ];

    private static CnnOptions Cnn(int epochs, IReadOnlyList<AugmentationSpec> augment) => new()
    {
        Channels = [8], Hidden = [16], Dropout = 0.2,
        Training = new TrainerOptions
        {
            Epochs = epochs, BatchSize = 16, Device = "cpu", Augment = augment,
            Optimizer = new OptimizerOptions { Type = "adam", LearningRate = 0.01 },
            Schedule = new Schedules.ScheduleOptions { Type = "cosine" },
        },
    };

    [Fact]
    public void A_cnn_trained_with_every_image_augmentation_still_learns()
    {
        var data = new TrainingData(Bars(240, 1), Bars(60, 2), "label", TaskKind.Classification);
        var history = new History();
        var model = new Pipeline(new CnnClassifier(Cnn(12, EveryImageOp))).Fit(data, new FitContext(3, [history]));
        var test = Bars(100, 3);
        var accuracy = Scoring.Score(model.Predict(test), test["label"])["accuracy"];
        Assert.True(accuracy > 0.9, $"accuracy {accuracy}");
        Assert.Equal(12, history.Series("train_loss").Count);
    }

    [Fact]
    public void Validation_batches_are_not_augmented()
    {
        // Huge noise and mixup on training batches; the reported val_loss must equal a clean evaluation of the final weights.
        Runtime.TorchRuntime.Initialize();
        using var train = TensorData.From([.. Enumerable.Range(0, 64 * 3).Select(i => (float)Math.Sin(i))], 3, Enumerable.Range(0, 64).Select(i => (long)(i % 2)).ToArray());
        using var validation = TensorData.From([.. Enumerable.Range(0, 32 * 3).Select(i => (float)Math.Cos(i))], 3, Enumerable.Range(0, 32).Select(i => (long)(i % 2)).ToArray());
        AugmentationSpec[] augment = [new GaussianNoise { Std = 5 }, new Mixup { Alpha = 1 }];
        var options = new TrainerOptions { Epochs = 2, BatchSize = 16, Device = "cpu", Augment = augment };
        var objective = new SoftmaxObjective();
        random.manual_seed(1);
        using var net = new MlpSpec([8]).Build([3], 2);
        var history = new History();
        new Trainer(options).Fit(net, objective, train, validation, new FitContext(1, [history]), CPU,
            new BatchAugmenter(augment, AugmentedInput.Numeric, [3], classes: 2));
        var (loss, accuracy) = Trainer.Evaluate(net, objective, validation, CPU);
        Assert.Equal(loss, history.Series("val_loss")[^1].Value, 1e-6);
        Assert.Equal(accuracy, history.Series("val_accuracy")[^1].Value, 1e-9);
    }

    [Fact]
    public void A_run_with_augmentation_interrupted_and_resumed_ends_bitwise_equal_to_an_uninterrupted_run()
    {
        var root = Path.Combine(Path.GetTempPath(), "lathe-augment-resume-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var data = new TrainingData(Bars(64, 1), Bars(32, 2), "label", TaskKind.Classification);
            var test = Bars(30, 3);
            var straight = new CnnClassifier(Cnn(5, EveryImageOp)).Fit(data, new FitContext(5, checkpoints: new CheckpointSettings { Directory = Path.Combine(root, "a") }));

            var settings = new CheckpointSettings { Directory = Path.Combine(root, "b") };
            Assert.Throws<IOException>(() => new CnnClassifier(Cnn(5, EveryImageOp)).Fit(data, new FitContext(5, [new CrashAt(3)], checkpoints: settings)));
            var resumed = new CnnClassifier(Cnn(5, EveryImageOp)).Fit(data, new FitContext(5, checkpoints: settings with { ResumeFrom = settings.LastPath }));
            Assert.Equal(straight.Predict(test).Probabilities, resumed.Predict(test).Probabilities);

            // And the augmentation mattered: without it the same seed ends elsewhere.
            var plain = new CnnClassifier(Cnn(5, [])).Fit(data, new FitContext(5));
            Assert.NotEqual(straight.Predict(test).Probabilities, plain.Predict(test).Probabilities);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void Mixup_on_a_regression_target_still_fits_a_linear_function()
    {
        // Mixup keeps a linear relation exact (a blend of two points lies on the same plane), so the fit stays good.
        var options = new MlpOptions
        {
            Hidden = [16],
            Training = new TrainerOptions
            {
                Epochs = 60, BatchSize = 16, Device = "cpu", Augment = [new Mixup { Alpha = 0.4 }],
                Optimizer = new OptimizerOptions { Type = "adam", LearningRate = 0.01 },
            },
        };
        var model = new Pipeline(new MlpRegressor(options)).Fit(new TrainingData(SyntheticData.Linear(300, 1), null, "target", TaskKind.Regression), new FitContext(1));
        var test = SyntheticData.Linear(100, 2);
        var r2 = Scoring.Score(model.Predict(test), test["target"])["r2"];
        Assert.True(r2 > 0.95, $"r2 {r2}");
    }

    [Fact]
    public void Text_classifiers_learn_with_token_dropout_and_swap()
    {
        var training = new TrainerOptions
        {
            Epochs = 25, BatchSize = 16, Device = "cpu", Augment = [new TokenDropout { P = 0.1 }, new TokenSwap { P = 0.1 }],
            Optimizer = new OptimizerOptions { Type = "adam", LearningRate = 0.005 },
        };
        var estimator = new TextClassifierEstimator(new TextEncoderSpec("cnn1d", Dim: 16, Hidden: 32), training, new LossOptions(), TaskKind.Classification);
        var model = new Pipeline(estimator).Fit(new TrainingData(TextClassifierTests.Reviews(300, 1), null, "label", TaskKind.Classification), new FitContext(1));
        var test = TextClassifierTests.Reviews(100, 2);
        var accuracy = Scoring.Score(model.Predict(test), test["label"])["accuracy"];
        Assert.True(accuracy > 0.85, $"accuracy {accuracy}");
    }

    [Fact]
    public void A_text_augmentation_on_an_mlp_is_a_config_error()
    {
        var options = new MlpOptions { Training = new TrainerOptions { Epochs = 1, Device = "cpu", Augment = [new TokenSwap()] } };
        var e = Assert.Throws<LatheException>(() => new MlpClassifier(options).Fit(SyntheticData.Classification(SyntheticData.Blobs(30, 1), null), new FitContext(1)));
        Assert.Contains("data.augment[0]: token_swap", e.Message);
    }

    private sealed class CrashAt(int epoch) : ICallback
    {
        public void OnStep(StepReport report, FitContext context)
        {
            if (report.Step == epoch) throw new IOException("simulated crash");
        }
    }
}
