using Lathe.Tracking.Store;

namespace Lathe.Tracking.Tests.Store;

public sealed class InMemoryRunStoreTests : RunStoreConformance
{
    protected override IRunStore Create() => new InMemoryRunStore();

    [Fact] public void Records_a_run_from_start_to_finish() => RecordsARunFromStartToFinish();
    [Fact] public void Lists_newest_first_and_filters_by_name() => ListsNewestFirstAndFiltersByName();
    [Fact] public void Concurrent_writers_lose_nothing() => ConcurrentWritersLoseNothing();
}
