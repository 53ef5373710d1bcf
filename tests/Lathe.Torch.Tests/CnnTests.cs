using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Torch.Models;
using Lathe.Torch.Nets;
using Lathe.Torch.Training;
using Lathe.Training;

namespace Lathe.Torch.Tests;

public class CnnTests
{
    /// <summary>8×8 grayscale images of a horizontal or a vertical bar at a random place, with noise.</summary>
    private static Table Bars(int rows, int seed)
    {
        var random = new Random(seed);
        var pixels = new float[rows * 64];
        var labels = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            var horizontal = r % 2 == 0;
            var at = random.Next(8);
            for (var i = 0; i < 64; i++)
            {
                var (y, x) = (i / 8, i % 8);
                var on = horizontal ? y == at : x == at;
                pixels[r * 64 + i] = (on ? 1f : 0f) + 0.3f * (float)random.NextDouble();
            }
            labels[r] = horizontal ? "horizontal" : "vertical";
        }
        return new Table([new VectorColumn("image", pixels, [1, 8, 8]), CategoricalColumn.FromStrings("label", labels, ["horizontal", "vertical"])]);
    }

    private static CnnOptions Options() => new()
    {
        Channels = [8],
        Hidden = [16],
        Training = new TrainerOptions { Epochs = 15, BatchSize = 16, Device = "cpu", Optimizer = new OptimizerOptions { Type = "adam", LearningRate = 0.01 } },
    };

    [Fact]
    public void The_cnn_learns_to_tell_bar_orientations_apart_and_round_trips_through_a_model_folder()
    {
        var data = new TrainingData(Bars(200, 1), null, "label", TaskKind.Classification);
        var model = (PipelineModel)new Pipeline(new CnnClassifier(Options())).Fit(data, new FitContext(2));
        var test = Bars(100, 3);
        var prediction = model.Predict(test);
        Assert.True(Scoring.Score(prediction, test["label"])["accuracy"] > 0.95);

        var dir = Path.Combine(Path.GetTempPath(), "lathe-cnn-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            ModelFolder.Save(model, dir);
            var loaded = ModelFolder.Load(dir, new ModelCatalog().Register(CnnSpec.TypeName, NeuralModel.Load));
            Assert.Equal(prediction.Probabilities, loaded.Predict(test).Probabilities);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_small_resnet_learns_the_bars_too()
    {
        var estimator = new NeuralEstimator(new ResNetSpec([8, 16], BlocksPerStage: 1), Options().Training, new Objectives.LossOptions(), TaskKind.Classification);
        var model = estimator.Fit(new TrainingData(Bars(200, 1), null, "label", TaskKind.Classification), new FitContext(2));
        var test = Bars(100, 3);
        Assert.True(Scoring.Score(model.Predict(test), test["label"])["accuracy"] > 0.95);
        Assert.Equal("resnet", model.Type);
    }

    [Fact]
    public void A_cnn_on_tabular_data_says_it_needs_images()
    {
        var data = SyntheticData.Classification(SyntheticData.Blobs(30, 1), null);
        var e = Assert.Throws<LatheException>(() => new CnnClassifier(Options()).Fit(data, new FitContext()));
        Assert.Contains("needs image input", e.Message);
    }

    [Fact]
    public void Bad_cnn_settings_name_their_field()
    {
        Assert.Contains("model.kernel_size", Assert.Throws<LatheException>(() => new CnnClassifier(Options() with { KernelSize = 2 })).Message);
        Assert.Contains("model.channels", Assert.Throws<LatheException>(() => new CnnClassifier(Options() with { Channels = [] })).Message);
    }
}
