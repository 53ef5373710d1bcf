using Lathe.Metrics;
using Lathe.Models;
using Lathe.Torch.Models;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using Lathe.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Tests;

public class LossTests
{
    private static TrainerOptions Training(int epochs) => new()
    {
        Epochs = epochs, BatchSize = 16, Device = "cpu", Optimizer = new OptimizerOptions { Type = "adam", LearningRate = 0.01 },
    };

    [Fact]
    public void Binary_cross_entropy_trains_a_one_logit_classifier()
    {
        var table = SyntheticData.Blobs(300, 1);
        var twoClasses = table.Take([.. Enumerable.Range(0, table.RowCount).Where(i => table["label"].Format(i) != "c")]);
        twoClasses = twoClasses.With(TargetEncoding.Encode(twoClasses["label"], TaskKind.Classification, "blobs"));
        var data = new TrainingData(twoClasses, null, "label", TaskKind.Classification);
        var model = new MlpClassifier(new MlpOptions { Hidden = [8], Training = Training(30), Loss = new LossOptions { Type = "binary_cross_entropy" } })
            .Fit(data, new FitContext(1));
        var prediction = model.Predict(twoClasses);
        Assert.True(Scoring.Score(prediction, twoClasses["label"])["accuracy"] > 0.95);
        Assert.Equal(1f, prediction.Probability(0, 0) + prediction.Probability(0, 1), 5);
    }

    [Theory]
    [InlineData("mae")]
    [InlineData("huber")]
    public void Robust_regression_losses_learn(string loss)
    {
        var model = new MlpRegressor(new MlpOptions { Hidden = [16], Training = Training(60), Loss = new LossOptions { Type = loss } })
            .Fit(new TrainingData(SyntheticData.Linear(400, 1), null, "target", TaskKind.Regression), new FitContext(1));
        var test = SyntheticData.Linear(100, 2);
        Assert.True(Scoring.Score(model.Predict(test), test["target"])["r2"] > 0.95);
    }

    [Fact]
    public void Label_smoothing_matches_its_formula()
    {
        // Two classes, logits [0, 0]: log-softmax is −ln 2 for both, so any smoothing gives ln 2.
        // Logits [2, 0], target 0, smoothing 0.2: (1 − 0.2)·ce + 0.2·mean over classes of −log p.
        Runtime.TorchRuntime.Initialize();
        using var logits = tensor(new float[] { 2, 0 }, [1, 2]);
        using var target = tensor(new long[] { 0 });
        using var objective = new SoftmaxObjective(labelSmoothing: 0.2);
        var logP0 = -Math.Log(1 + Math.Exp(-2));
        var logP1 = -2 + logP0;
        var expected = 0.8 * -logP0 + 0.2 * -(logP0 + logP1) / 2;
        Assert.Equal(expected, objective.Loss(logits, target).item<float>(), 5);
    }

    [Fact]
    public void Class_weights_weigh_each_row_by_its_class()
    {
        Runtime.TorchRuntime.Initialize();
        using var logits = tensor(new float[] { 1, 0, 0, 1 }, [2, 2]);
        using var target = tensor(new long[] { 0, 0 });
        using var objective = new SoftmaxObjective(classWeights: [3, 1]);
        var ce0 = Math.Log(1 + Math.Exp(-1));
        var ce1 = Math.Log(1 + Math.Exp(1));
        Assert.Equal((3 * ce0 + 3 * ce1) / 6, objective.Loss(logits, target).item<float>(), 5); // weighted mean
    }

    [Fact]
    public void A_loss_that_does_not_fit_the_task_is_a_config_error()
    {
        var e = Assert.Throws<LatheException>(() => ObjectiveFactory.Create(new LossOptions { Type = "mse" }, TaskKind.Classification, ["a", "b"]));
        Assert.Contains("train.loss.type", e.Message);
        e = Assert.Throws<LatheException>(() => ObjectiveFactory.Create(new LossOptions { Type = "binary_cross_entropy" }, TaskKind.Classification, ["a", "b", "c"]));
        Assert.Contains("exactly two classes", e.Message);
    }
}
