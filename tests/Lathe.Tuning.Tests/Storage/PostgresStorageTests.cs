using Lathe.Tuning.Storage;

namespace Lathe.Tuning.Tests.Storage;

public sealed class PostgresStorageTests : StorageConformance
{
    protected override IStudyStorage Create() => new PostgresStudyStorage(PostgresServer.Required);

    [PostgresFact] public void Creates_and_joins_studies_by_name() => CreatesAndJoinsStudiesByName();
    [PostgresFact] public void Keeps_params_values_and_attributes() => KeepsParamsValuesAndAttributes();
    [PostgresFact] public void Hands_out_queued_trials_first_and_respects_limits() => HandsOutQueuedTrialsFirstAndRespectsLimits();
    [PostgresFact] public void Reaps_trials_without_heartbeat() => ReapsTrialsWithoutHeartbeat();
    [PostgresFact] public void Threads_never_share_a_trial_number() => ThreadsNeverShareATrialNumber();
    [PostgresFact] public void Grid_study_visits_every_point_once_across_workers() => GridStudyVisitsEveryPointOnceAcrossWorkers();

    [PostgresFact]
    public void Accepts_a_postgres_url()
    {
        var keywords = StorageUrl.PostgresConnectionString("postgres://lathe:s%40cret@db.example:5433/studies?Timeout=5");
        Assert.Equal("Host=db.example;Port=5433;Database=studies;Username=lathe;Password=s@cret;Timeout=5", keywords);
        using var storage = StorageUrl.Open(PostgresServer.Required, "unused");
        Assert.IsType<PostgresStudyStorage>(storage);
    }
}
