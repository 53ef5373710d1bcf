using Lathe.Metrics;
using Lathe.Models;
using Lathe.Torch.Models;
using Lathe.Torch.Nets;
using Lathe.Torch.Training;
using Lathe.Training;

namespace Lathe.Torch.Tests;

public class MlpTests
{
    private static MlpOptions Options(int epochs = 30, string optimizer = "adam", double lr = 0.01) => new()
    {
        Hidden = [16],
        Training = new TrainerOptions { Epochs = epochs, BatchSize = 16, Device = "cpu", Optimizer = new OptimizerOptions { Type = optimizer, LearningRate = lr, Momentum = 0.9 } },
    };

    [Theory]
    [InlineData("adam", 0.01)]
    [InlineData("sgd", 0.05)]
    public void The_classifier_learns_separable_blobs(string optimizer, double lr)
    {
        var model = new MlpClassifier(Options(optimizer: optimizer, lr: lr)).Fit(
            SyntheticData.Classification(SyntheticData.Blobs(300, 1), null), new FitContext(seed: 3));
        var test = SyntheticData.Blobs(150, 2);
        var scores = Scoring.Score(model.Predict(test), test["label"]);
        Assert.True(scores["accuracy"] > 0.95, $"accuracy {scores["accuracy"]}");
        Assert.True(scores["log_loss"] < 0.2, $"log loss {scores["log_loss"]}");
    }

    [Fact]
    public void The_regressor_learns_a_linear_function()
    {
        var model = new MlpRegressor(Options(epochs: 60)).Fit(
            new TrainingData(SyntheticData.Linear(400, 1), null, "target", TaskKind.Regression), new FitContext(seed: 1));
        var test = SyntheticData.Linear(100, 2);
        var scores = Scoring.Score(model.Predict(test), test["target"]);
        Assert.True(scores["r2"] > 0.97, $"R² {scores["r2"]}");
    }

    [Fact]
    public void The_same_seed_gives_identical_predictions_and_another_seed_does_not()
    {
        var data = SyntheticData.Classification(SyntheticData.Blobs(120, 1), null);
        var test = SyntheticData.Blobs(30, 2);
        float[] Fit(int seed) => new MlpClassifier(Options(epochs: 5)).Fit(data, new FitContext(seed)).Predict(test).Probabilities!;
        Assert.Equal(Fit(7), Fit(7));
        Assert.NotEqual(Fit(7), Fit(8));
    }

    [Fact]
    public void Save_then_load_gives_identical_predictions()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lathe-mlp-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var pipeline = new Pipeline(new MlpClassifier(Options(epochs: 5)));
            var model = (PipelineModel)pipeline.Fit(SyntheticData.Classification(SyntheticData.Blobs(90, 1), null), new FitContext(1));
            ModelFolder.Save(model, dir);
            Assert.True(File.Exists(Path.Combine(dir, NeuralModel.WeightsFile)));
            var loaded = ModelFolder.Load(dir, new ModelCatalog().Register(MlpSpec.TypeName, NeuralModel.Load));
            var test = SyntheticData.Blobs(40, 9);
            Assert.Equal(model.Predict(test).Probabilities, loaded.Predict(test).Probabilities);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Early_stopping_ends_the_fit_and_the_model_is_the_best_epochs()
    {
        var history = new History();
        var stopping = new EarlyStopping("val_loss", patience: 3);
        var data = SyntheticData.Classification(SyntheticData.Blobs(60, 1), SyntheticData.Blobs(60, 2));
        var model = new MlpClassifier(Options(epochs: 200, lr: 0.05)).Fit(data, new FitContext(1, [history, stopping]));

        Assert.NotNull(stopping.StoppedAt);
        Assert.True(history.Steps.Count < 200);
        // The returned model scores the best epoch's validation loss, not the last epoch's.
        var prediction = model.Predict(data.Validation!);
        var loss = Scoring.Score(prediction, data.Validation!["label"])["log_loss"];
        Assert.Equal(stopping.Best, loss, 4);
    }

    [Fact]
    public void Every_epoch_reports_train_and_validation_metrics()
    {
        var history = new History();
        var data = SyntheticData.Classification(SyntheticData.Blobs(60, 1), SyntheticData.Blobs(30, 2));
        new MlpClassifier(Options(epochs: 3)).Fit(data, new FitContext(1, [history]));
        Assert.Equal([1, 2, 3], history.Steps.Select(s => s.Step));
        Assert.All(history.Steps, s => Assert.Contains("val_accuracy", s.Metrics.Keys));
        Assert.True(history.Steps[^1].Metrics["train_loss"] < history.Steps[0].Metrics["train_loss"]);
    }

    [Fact]
    public void Bad_hyperparameters_name_their_field()
    {
        var e = Assert.Throws<LatheException>(() => new MlpClassifier(Options() with { Hidden = [0] }));
        Assert.Contains("model.hidden", e.Message);
        e = Assert.Throws<LatheException>(() => new MlpClassifier(Options(lr: -1)));
        Assert.Contains("train.optimizer.lr", e.Message);
    }
}
