using Lathe.Tracking.Store;
using Microsoft.Data.Sqlite;

namespace Lathe.Tracking.Tests.Store;

public sealed class SqliteRunStoreTests : RunStoreConformance, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lathe-runstore-").FullName;

    private string File => Path.Combine(_folder, "lathe.db");

    protected override IRunStore Create() => RunStoreUrl.Open("sqlite:" + File, _folder);

    [Fact] public void Records_a_run_from_start_to_finish() => RecordsARunFromStartToFinish();
    [Fact] public void Lists_newest_first_and_filters_by_name() => ListsNewestFirstAndFiltersByName();
    [Fact] public void Concurrent_writers_lose_nothing() => ConcurrentWritersLoseNothing();

    [Fact]
    public void Writers_with_their_own_connections_to_one_file_lose_nothing()
    {
        // Each writer opens the file itself, as separate processes would: only SQLite's file locks keep them apart.
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, w =>
        {
            using var store = new SqliteRunStore(File);
            for (var r = 0; r < 3; r++)
            {
                var id = store.CreateRun(new RunStart { Name = $"writer{w}-run{r}", Folder = $"/w{w}/{r}" });
                for (var step = 1; step <= 10; step++) store.LogMetrics(id, step, new Dictionary<string, double> { ["loss"] = 1.0 / step, ["acc"] = step });
                store.FinishRun(id, RunStatus.Finished);
            }
        });
        using var reader = new SqliteRunStore(File);
        var runs = reader.ListRuns(limit: 100);
        Assert.Equal(12, runs.Count);
        Assert.All(runs, r => Assert.Equal(20, reader.MetricSeries(r.Id).Count));
        Assert.All(runs, r => Assert.Equal(RunStatus.Finished, r.Status));
    }

    [Fact]
    public void Keeps_its_schema_version_beside_other_components()
    {
        using (Create()) { }
        using (Create()) { } // opening again does not migrate twice
        using var connection = new SqliteConnection($"Data Source={File}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM lathe_schema WHERE component = 'runs'";
        Assert.Equal(1L, command.ExecuteScalar());
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void Refuses_a_newer_schema_with_a_clear_message()
    {
        using (Create()) { }
        using (var connection = new SqliteConnection($"Data Source={File};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE lathe_schema SET version = 9 WHERE component = 'runs'";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<LatheException>(Create);
        Assert.Contains("run tables are version 9", error.Message);
        Assert.Contains(File, error.Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
