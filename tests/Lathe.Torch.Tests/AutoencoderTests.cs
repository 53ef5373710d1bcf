using Lathe.Data;
using Lathe.Models;
using Lathe.Prep;
using Lathe.Torch.Models;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using Lathe.Training;

namespace Lathe.Torch.Tests;

public class AutoencoderTests
{
    /// <summary>Six columns that are two hidden factors mixed (plus a little noise), or, for anomalies, six independent values.</summary>
    private static Table Rows(int count, int seed, bool anomalies = false)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 6).Select(_ => new float[count]).ToArray();
        for (var r = 0; r < count; r++)
        {
            double a = random.NextDouble() * 2 - 1, b = random.NextDouble() * 2 - 1;
            double[] values = anomalies
                ? [.. Enumerable.Range(0, 6).Select(_ => random.NextDouble() * 2 - 1)]
                : [a, b, a + b, a - b, 0.5 * a, -b];
            for (var c = 0; c < 6; c++) columns[c][r] = (float)(values[c] + 0.01 * (random.NextDouble() - 0.5));
        }
        return new Table(columns.Select((v, c) => new NumericColumn($"x{c}", v)));
    }

    [Fact]
    public void An_autoencoder_reconstructs_rows_like_its_training_rows_and_flags_others()
    {
        var training = new TrainerOptions { Epochs = 60, BatchSize = 16, Device = "cpu", Optimizer = new OptimizerOptions { Type = "adam", LearningRate = 0.01 } };
        var estimator = new NeuralEstimator(new AutoencoderSpec([16, 2]), training, new LossOptions(), TaskKind.Reconstruction);
        var history = new History();
        var model = new Pipeline([new StandardScaler()], estimator)
            .Fit(new TrainingData(Rows(400, 1), Rows(100, 2), "", TaskKind.Reconstruction), new FitContext(1, [history]));

        Assert.True(history.Steps[^1].Metrics["val_loss"] < history.Steps[0].Metrics["val_loss"] / 5);
        var normal = model.Predict(Rows(100, 3));
        var odd = model.Predict(Rows(100, 4, anomalies: true));
        Assert.Equal(TaskKind.Reconstruction, normal.Task);
        var normalMean = normal.Values!.Average();
        var oddMean = odd.Values!.Average();
        Assert.True(oddMean > 10 * normalMean, $"anomalies {oddMean} vs normal rows {normalMean}");
    }
}
