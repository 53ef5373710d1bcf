namespace Lathe.Training;

/// <summary>
/// The one channel between a training process and the world: the seed, cancellation, stop requests,
/// callbacks and logging. Estimators call <see cref="Start"/>, then <see cref="Report"/> after every step
/// and check <see cref="StopRequested"/>, then <see cref="Finish"/>.
/// </summary>
public sealed class FitContext
{
    public FitContext(int seed = 0, IEnumerable<ICallback>? callbacks = null, CancellationToken cancellation = default,
        Action<string>? log = null, CheckpointSettings? checkpoints = null)
    {
        Seed = seed;
        Checkpoints = checkpoints;
        Callbacks = [.. callbacks ?? []];
        Cancellation = cancellation;
        Log = log ?? (_ => { });
    }

    public int Seed { get; }

    /// <summary>Where to write checkpoints and what to resume from; null: no checkpoints.</summary>
    public CheckpointSettings? Checkpoints { get; }

    public IReadOnlyList<ICallback> Callbacks { get; }

    /// <summary>Whether any callback receives the reports: metrics that cost work (a training loss) are computed only then.</summary>
    public bool IsObserved => Callbacks.Count > 0;

    public CancellationToken Cancellation { get; }

    /// <summary>Messages for the user (what was decided and why), one line each.</summary>
    public Action<string> Log { get; }

    /// <summary>The state of the model being fitted, when the estimator supports capturing it.</summary>
    public ITrainingState? State { get; private set; }

    public int? TotalSteps { get; private set; }

    public bool StopRequested { get; private set; }

    public string? StopReason { get; private set; }

    /// <summary>Number of the last reported step (0 before the first).</summary>
    public int LastStep { get; private set; }

    public void Start(int? totalSteps, ITrainingState? state)
    {
        TotalSteps = totalSteps;
        State = state;
        StopRequested = false;
        StopReason = null;
        LastStep = 0;
        foreach (var callback in Callbacks) callback.OnFitStart(this);
    }

    /// <summary>Reports a finished step to every callback. Throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public void Report(int step, IReadOnlyDictionary<string, double> metrics)
    {
        Cancellation.ThrowIfCancellationRequested();
        LastStep = step;
        var report = new StepReport(step, TotalSteps, metrics);
        foreach (var callback in Callbacks) callback.OnStep(report, this);
    }

    /// <summary>Asks the fit to stop after the current step; the first reason given is kept.</summary>
    public void RequestStop(string reason)
    {
        if (StopRequested) return;
        StopRequested = true;
        StopReason = reason;
    }

    public void Finish()
    {
        foreach (var callback in Callbacks) callback.OnFitEnd(this);
    }
}
