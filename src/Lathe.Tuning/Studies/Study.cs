using Lathe.Tuning.Pruners;
using Lathe.Tuning.Samplers;
using Lathe.Tuning.Storage;
using Lathe.Tuning.Trials;

namespace Lathe.Tuning.Studies;

/// <summary>
/// A named search over hyperparameters, kept in an <see cref="IStudyStorage"/>. Many workers (threads,
/// processes, machines) may hold a Study of the same name on the same storage: <see cref="Ask"/> hands each a
/// different trial, <see cref="Tell"/> records results, <see cref="Optimize"/> loops both around an objective.
/// </summary>
public sealed class Study
{
    private readonly Dictionary<long, Heartbeat> _heartbeats = [];
    private bool _prepared;

    private Study(IStudyStorage storage, StudyInfo info, StudyOptions options)
    {
        (Storage, Info, Options) = (storage, info, options);
    }

    /// <summary>Joins the study of this name, creating it when it does not exist.</summary>
    public static Study CreateOrLoad(string name, IStudyStorage storage, StudyOptions? options = null)
    {
        options ??= new StudyOptions();
        if (string.IsNullOrWhiteSpace(name)) throw LatheException.BadConfig("a study needs a name.");
        return new Study(storage, storage.CreateOrLoadStudy(name, options.Direction), options);
    }

    public IStudyStorage Storage { get; }
    public StudyInfo Info { get; }
    public StudyOptions Options { get; }
    public long Id => Info.Id;
    public string Name => Info.Name;
    public StudyDirection Direction => Info.Direction;
    public ISampler Sampler => Options.Sampler;
    public IPruner Pruner => Options.Pruner;

    public IReadOnlyList<FrozenTrial> Trials => Storage.Trials(Id);

    /// <summary>The complete trial with the best value (the lowest number among ties), or null.</summary>
    public FrozenTrial? BestTrial => BestOf(Trials, Direction);

    public static FrozenTrial? BestOf(IEnumerable<FrozenTrial> trials, StudyDirection direction) =>
        trials.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v))
            .OrderBy(t => direction == StudyDirection.Minimize ? t.Value!.Value : -t.Value!.Value)
            .ThenBy(t => t.Number)
            .FirstOrDefault();

    /// <summary>Queues a trial whose params are fixed in advance (a known good guess); workers take queued trials first.</summary>
    public void Enqueue(IReadOnlyList<QueuedParam> parameters) => Storage.Enqueue(Id, parameters);

    /// <summary>Starts the next trial; throws when the study is done (a grid with no point left, or the limit reached).</summary>
    public Trial Ask(int? maxTrials = null) =>
        TryAsk(maxTrials) ?? throw LatheException.BadConfig($"study '{Name}' has no trial left to run.");

    /// <summary>
    /// Starts the next trial: first reaps trials of dead workers, then takes a queued trial or a new one. Null when
    /// the study holds <paramref name="maxTrials"/> running or finished trials, or a grid has no point left.
    /// </summary>
    public Trial? TryAsk(int? maxTrials = null)
    {
        if (!_prepared)
        {
            Sampler.Prepare(this);
            _prepared = true;
        }
        foreach (var dead in Storage.ReapStaleTrials(Id, Options.GraceSeconds, Options.RequeueDeadTrials))
            Options.Log?.Invoke($"trial {dead.Number} of worker {dead.Worker} sent no heartbeat for {Options.GraceSeconds:0.#} s: marked failed" +
                                (Options.RequeueDeadTrials ? " and queued again" : ""));
        var started = Storage.StartTrial(Id, new TrialRequest { Worker = Options.Worker, MaxTrials = maxTrials, QueuedOnly = Sampler.QueuedOnly });
        if (started is null) return null;
        var heartbeat = new Heartbeat(Storage, started.Id, TimeSpan.FromSeconds(Options.HeartbeatSeconds), Options.Log);
        lock (_heartbeats) _heartbeats[started.Id] = heartbeat;
        return new Trial(this, started);
    }

    /// <summary>Records a complete trial's value (a value that is not finite fails the trial).</summary>
    public FrozenTrial Tell(Trial trial, double value) =>
        double.IsFinite(value) ? Tell(trial, TrialState.Complete, value) : Tell(trial, TrialState.Failed, null);

    /// <summary>Ends a trial in any finished state. A pruned trial keeps its last reported value.</summary>
    public FrozenTrial Tell(Trial trial, TrialState state, double? value = null)
    {
        if (!state.IsFinished()) throw new ArgumentException("Tell needs a finished state: complete, pruned or failed.", nameof(state));
        StopHeartbeat(trial.Id);
        if (state == TrialState.Pruned && value is null && trial.IntermediateValues.Count > 0)
            value = trial.IntermediateValues[trial.IntermediateValues.Keys.Max()];
        if (!Storage.FinishTrial(trial.Id, state, value))
            Options.Log?.Invoke($"trial {trial.Number} was taken for dead (no heartbeat for {Options.GraceSeconds:0.#} s) before it ended; its result is not recorded.");
        return Storage.Trial(trial.Id);
    }

    /// <summary>
    /// Runs trials until this worker finished <see cref="OptimizeLimits.Trials"/> or the study as a whole holds
    /// <see cref="OptimizeLimits.StudyTrials"/> (whichever comes first; null: no limit), or a grid is used up. While
    /// other workers' trials still run at that point, it waits: a dead worker's trial is reaped and run again. The
    /// objective returns its value, or throws <see cref="TrialPrunedException"/> to end as pruned; any other
    /// exception fails the trial and is rethrown.
    /// </summary>
    public IReadOnlyList<FrozenTrial> Optimize(Func<Trial, double> objective, OptimizeLimits limits, Action<FrozenTrial>? onFinished = null)
    {
        if (limits.Trials is null && limits.StudyTrials is null && !Sampler.QueuedOnly)
            throw LatheException.BadConfig("optimize needs a limit: a number of trials for this worker or for the study.");
        var finished = new List<FrozenTrial>();
        while (limits.Trials is not { } mine || finished.Count < mine)
        {
            if (limits.Cancellation.IsCancellationRequested) break;
            var trial = TryAsk(limits.StudyTrials);
            if (trial is null)
            {
                // The study looks done, but trials of other workers still run: they may finish (then it is done)
                // or turn out dead (then they are reaped here and their place is free again). Wait and see.
                if (!Storage.Trials(Id).Any(t => t.State == TrialState.Running)) break;
                limits.Cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(Math.Clamp(Options.HeartbeatSeconds, 0.2, 2)));
                continue;
            }
            FrozenTrial result;
            try
            {
                result = Tell(trial, objective(trial));
            }
            catch (TrialPrunedException)
            {
                result = Tell(trial, TrialState.Pruned);
            }
            catch
            {
                Tell(trial, TrialState.Failed);
                throw;
            }
            finished.Add(result);
            onFinished?.Invoke(result);
        }
        return finished;
    }

    private void StopHeartbeat(long trialId)
    {
        Heartbeat? heartbeat;
        lock (_heartbeats) _heartbeats.Remove(trialId, out heartbeat);
        heartbeat?.Dispose();
    }
}
