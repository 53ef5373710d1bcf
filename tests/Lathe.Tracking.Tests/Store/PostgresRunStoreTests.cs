using Lathe.Tracking.Store;

namespace Lathe.Tracking.Tests.Store;

public sealed class PostgresRunStoreTests : RunStoreConformance
{
    protected override IRunStore Create() => RunStoreUrl.Open(PostgresFactAttribute.Required, "unused");

    [PostgresFact] public void Records_a_run_from_start_to_finish() => RecordsARunFromStartToFinish();
    [PostgresFact] public void Lists_newest_first_and_filters_by_name() => ListsNewestFirstAndFiltersByName();
    [PostgresFact] public void Concurrent_writers_lose_nothing() => ConcurrentWritersLoseNothing();

    [PostgresFact]
    public void Opens_from_a_postgres_url() => Assert.IsType<PostgresRunStore>(Create());
}
