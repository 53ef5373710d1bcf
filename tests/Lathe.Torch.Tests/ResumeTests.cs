using Lathe.Models;
using Lathe.Torch.Models;
using Lathe.Torch.Schedules;
using Lathe.Torch.Training;
using Lathe.Training;

namespace Lathe.Torch.Tests;

public class ResumeTests
{
    /// <summary>Stands in for a killed process: throws while the given epoch is reported, before its checkpoint is written, so the resume starts from the epoch before.</summary>
    private sealed class Crash(int afterEpoch) : ICallback
    {
        public void OnStep(StepReport report, FitContext context)
        {
            if (report.Step == afterEpoch) throw new IOException("simulated crash");
        }
    }

    private static MlpClassifier Estimator() => new(new MlpOptions
    {
        Hidden = [16],
        Dropout = 0.2, // uses the global torch generator, which the checkpoint must restore
        Training = new TrainerOptions
        {
            Epochs = 6, BatchSize = 16, Device = "cpu",
            Optimizer = new OptimizerOptions { Type = "adam", LearningRate = 0.01 },
            Schedule = new ScheduleOptions { Type = "cosine", WarmupEpochs = 1 },
        },
    });

    [Fact]
    public void A_run_interrupted_and_resumed_ends_bitwise_equal_to_an_uninterrupted_run()
    {
        var root = Path.Combine(Path.GetTempPath(), "lathe-resume-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var data = SyntheticData.Classification(SyntheticData.Blobs(96, 1), SyntheticData.Blobs(48, 2));
            var test = SyntheticData.Blobs(30, 3);

            var straightHistory = new History();
            var straight = Estimator().Fit(data, new FitContext(5, [straightHistory, new EarlyStopping("val_loss", 50)],
                checkpoints: new CheckpointSettings { Directory = Path.Combine(root, "a") }));

            var settings = new CheckpointSettings { Directory = Path.Combine(root, "b") };
            Assert.Throws<IOException>(() => Estimator().Fit(data, new FitContext(5, [new History(), new EarlyStopping("val_loss", 50), new Crash(3)], checkpoints: settings)));
            var resumedHistory = new History();
            var resumed = Estimator().Fit(data, new FitContext(5, [resumedHistory, new EarlyStopping("val_loss", 50)],
                checkpoints: settings with { ResumeFrom = settings.LastPath }));

            Assert.Equal(straightHistory.ToCsv().Split('\n').Select(DropTime), resumedHistory.ToCsv().Split('\n').Select(DropTime));
            Assert.Equal(straight.Predict(test).Probabilities, resumed.Predict(test).Probabilities);
            Assert.True(Directory.Exists(settings.BestPath));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void Resuming_from_a_folder_without_a_checkpoint_is_a_clear_error()
    {
        var settings = new CheckpointSettings { Directory = Path.GetTempPath(), ResumeFrom = "/nonexistent/checkpoints/last" };
        var data = SyntheticData.Classification(SyntheticData.Blobs(30, 1), null);
        var e = Assert.Throws<LatheException>(() => Estimator().Fit(data, new FitContext(1, checkpoints: settings)));
        Assert.Contains("no checkpoint to resume from", e.Message);
    }

    /// <summary>History rows without the wall-clock column, which differs between runs.</summary>
    private static string DropTime(string row) => string.Join(',', row.Split(',')[..^1]);
}
