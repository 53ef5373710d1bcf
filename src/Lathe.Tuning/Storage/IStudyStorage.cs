using Lathe.Tuning.Distributions;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Storage;

/// <summary>
/// The only state that workers share. Every method is one atomic step, safe to call from many threads and
/// processes at once: no trial number is handed out twice, no waiting trial is taken twice. Times are the
/// storage's own clock (unix seconds), so heartbeats compare fairly across machines.
/// </summary>
public interface IStudyStorage : IDisposable
{
    /// <summary>Creates the study, or joins it when it exists (its direction must match).</summary>
    StudyInfo CreateOrLoadStudy(string name, StudyDirection direction);

    StudyInfo? FindStudy(string name);

    IReadOnlyList<StudyInfo> Studies();

    /// <summary>Queues these trials unless <paramref name="key"/> was queued before in this study. Returns whether it queued.</summary>
    bool EnqueueOnce(long studyId, string key, IReadOnlyList<IReadOnlyList<QueuedParam>> trials);

    /// <summary>Queues one trial with fixed params.</summary>
    void Enqueue(long studyId, IReadOnlyList<QueuedParam> parameters);

    /// <summary>Takes the oldest waiting trial or creates one, as Running with a first heartbeat; null when the request's limit says stop.</summary>
    FrozenTrial? StartTrial(long studyId, TrialRequest request);

    void SetParam(long trialId, string name, double internalValue, ParamDistribution distribution);

    void ReportIntermediate(long trialId, int step, double value);

    void SetUserAttr(long trialId, string key, string json);

    void Heartbeat(long trialId);

    /// <summary>Ends a running trial. False when it was no longer running (reaped as dead meanwhile): the result is not recorded.</summary>
    bool FinishTrial(long trialId, TrialState state, double? value);

    /// <summary>
    /// Marks running trials whose last heartbeat is older than <paramref name="graceSeconds"/> as Failed and,
    /// with <paramref name="requeue"/>, queues their params again. Returns the trials it failed.
    /// </summary>
    IReadOnlyList<FrozenTrial> ReapStaleTrials(long studyId, double graceSeconds, bool requeue);

    IReadOnlyList<FrozenTrial> Trials(long studyId);

    FrozenTrial Trial(long trialId);
}
