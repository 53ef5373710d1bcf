using Lathe.Tuning.Storage;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Tests.Storage;

public sealed class SqliteStorageTests : StorageConformance, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lathe-tune-" + Guid.NewGuid().ToString("N")[..10]);

    private string DatabasePath => Path.Combine(_folder, "lathe.db");

    protected override IStudyStorage Create() => new SqliteStudyStorage(DatabasePath);

    [Fact] public void Creates_and_joins_studies_by_name() => CreatesAndJoinsStudiesByName();
    [Fact] public void Keeps_params_values_and_attributes() => KeepsParamsValuesAndAttributes();
    [Fact] public void Hands_out_queued_trials_first_and_respects_limits() => HandsOutQueuedTrialsFirstAndRespectsLimits();
    [Fact] public void Reaps_trials_without_heartbeat() => ReapsTrialsWithoutHeartbeat();
    [Fact] public void Threads_never_share_a_trial_number() => ThreadsNeverShareATrialNumber();
    [Fact] public void Grid_study_visits_every_point_once_across_workers() => GridStudyVisitsEveryPointOnceAcrossWorkers();

    [Fact]
    public void Upgrades_a_version_1_database_and_keeps_its_trials()
    {
        SqliteStudyStorage.CreateAtVersion(DatabasePath, 1);
        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}"))
        {
            raw.Open();
            using var insert = raw.CreateCommand();
            insert.CommandText =
                "INSERT INTO tune_studies (name, direction, created_at) VALUES ('old', 'minimize', 0);" +
                "INSERT INTO tune_trials (study_id, number, state, value, created_at, started_at) VALUES (1, 0, 'complete', 1.5, 0, 0), (1, 1, 'running', NULL, 0, 0);";
            insert.ExecuteNonQuery();
            using var version = raw.CreateCommand();
            version.CommandText = "SELECT version FROM lathe_schema WHERE component = 'tune'";
            Assert.Equal(1L, version.ExecuteScalar());
        }

        using var storage = new SqliteStudyStorage(DatabasePath);
        Assert.Equal(2, storage.SchemaVersion);
        var study = storage.FindStudy("old")!;
        Assert.Equal(1.5, storage.Trials(study.Id).Single(t => t.Number == 0).Value);
        // The running trial of version 1 got a heartbeat from its start time (long ago): it is reaped, not stuck.
        var reaped = Assert.Single(storage.ReapStaleTrials(study.Id, 60, requeue: false));
        Assert.Equal(1, reaped.Number);
        Assert.Equal(TrialState.Failed, storage.Trials(study.Id).Single(t => t.Number == 1).State);
    }

    [Fact]
    public void Refuses_a_database_from_a_newer_lathe()
    {
        using (var storage = new SqliteStudyStorage(DatabasePath)) storage.CreateOrLoadStudy("s", StudyDirection.Minimize);
        using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}"))
        {
            raw.Open();
            using var bump = raw.CreateCommand();
            bump.CommandText = "UPDATE lathe_schema SET version = 99 WHERE component = 'tune'";
            bump.ExecuteNonQuery();
        }
        var e = Assert.Throws<LatheException>(() => new SqliteStudyStorage(DatabasePath));
        Assert.Contains("version 99", e.Message);
        Assert.Contains(DatabasePath, e.Message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
