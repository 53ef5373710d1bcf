using Lathe.Tuning.Storage;

namespace Lathe.Tuning.Tests.Storage;

public sealed class InMemoryStorageTests : StorageConformance
{
    protected override IStudyStorage Create() => new InMemoryStudyStorage();

    [Fact] public void Creates_and_joins_studies_by_name() => CreatesAndJoinsStudiesByName();
    [Fact] public void Keeps_params_values_and_attributes() => KeepsParamsValuesAndAttributes();
    [Fact] public void Hands_out_queued_trials_first_and_respects_limits() => HandsOutQueuedTrialsFirstAndRespectsLimits();
    [Fact] public void Reaps_trials_without_heartbeat() => ReapsTrialsWithoutHeartbeat();
    [Fact] public void Threads_never_share_a_trial_number() => ThreadsNeverShareATrialNumber();
    [Fact] public void Grid_study_visits_every_point_once_across_workers() => GridStudyVisitsEveryPointOnceAcrossWorkers();
}
