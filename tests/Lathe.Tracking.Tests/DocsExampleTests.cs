using Lathe.Tracking.Store;

namespace Lathe.Tracking.Tests;

/// <summary>The "your own training loop" example of docs/tracking.md runs and records what it says.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public void The_documented_loop_records_params_series_and_scores()
    {
        var folder = Directory.CreateTempSubdirectory("lathe-docs-").FullName;
        var file = Path.Combine(folder, "runs", "lathe.db");
        long id;
        using (var store = new SqliteRunStore(file))
        {
            id = store.CreateRun(new RunStart
            {
                Name = "my-loop", Folder = Path.GetFullPath(Path.Combine(folder, "runs/my-loop")),
                Params = new Dictionary<string, string> { ["lr"] = "0.01" },
            });
            for (var step = 1; step <= 10; step++)
                store.LogMetrics(id, step, new Dictionary<string, double> { ["train_loss"] = 1.0 / step });
            store.LogFinalMetrics(id, "test", new Dictionary<string, double> { ["accuracy"] = 0.93 });
            store.FinishRun(id, RunStatus.Finished);
        }
        using (var reopened = RunStoreUrl.Open("sqlite", Path.Combine(folder, "runs")))
        {
            var run = reopened.GetRun(id)!;
            Assert.Equal(RunStatus.Finished, run.Summary.Status);
            Assert.Equal("0.01", run.Params["lr"]);
            Assert.Equal(0.93, run.FinalMetrics["test"]["accuracy"]);
            Assert.Equal(0.1, reopened.MetricSeries(id).Single(p => p.Step == 10).Value);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, true);
    }
}
