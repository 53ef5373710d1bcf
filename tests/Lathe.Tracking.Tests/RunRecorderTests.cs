using Lathe.Tracking.Recording;
using Lathe.Tracking.Store;
using Lathe.Training;

namespace Lathe.Tracking.Tests;

public sealed class RunRecorderTests
{
    [Fact]
    public void Records_steps_final_metrics_artifacts_and_status()
    {
        var folder = Directory.CreateTempSubdirectory("lathe-recorder-").FullName;
        File.WriteAllText(Path.Combine(folder, "metrics.json"), "{}");
        using var store = new InMemoryRunStore();
        using (var recorder = RunRecorder.Start(new RunStart { Name = "r", Folder = folder }, null, store, _ => { }))
        {
            var context = new FitContext(1, [recorder]);
            context.Report(1, new Dictionary<string, double> { ["val_loss"] = 0.5 });
            recorder.LogFinalMetrics("test", new Dictionary<string, double> { ["accuracy"] = 1 });
            recorder.AddArtifactsOf(folder);
            recorder.Finish(RunStatus.Finished);
        }
        var run = store.GetRun(1)!;
        Assert.Equal(RunStatus.Finished, run.Summary.Status);
        Assert.Equal(["metrics.json"], run.Artifacts);
        Assert.Equal(1.0, run.FinalMetrics["test"]["accuracy"]);
        Assert.Equal([new MetricPoint(1, "val_loss", 0.5)], store.MetricSeries(1));
        Directory.Delete(folder, true);
    }

    [Fact]
    public void An_unreachable_store_warns_once_and_lets_training_go_on()
    {
        var lines = new List<string>();
        using var recorder = RunRecorder.Start(new RunStart { Name = "r", Folder = "/tmp/x" },
            () => RunStoreUrl.Open("postgres://nobody@127.0.0.1:1/none?Timeout=1", "unused"), null, lines.Add);
        var context = new FitContext(1, [recorder]);
        context.Report(1, new Dictionary<string, double> { ["val_loss"] = 0.5 });
        recorder.Finish(RunStatus.Finished);
        Assert.Null(recorder.RunId);
        var warning = Assert.Single(lines);
        Assert.StartsWith("warning: tracking is off for this run: postgres://127.0.0.1:1/none: cannot connect to the run database", warning);
    }
}
