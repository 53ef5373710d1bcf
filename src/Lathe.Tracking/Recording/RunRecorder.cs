using Lathe.Tracking.Store;
using Lathe.Training;

namespace Lathe.Tracking.Recording;

/// <summary>
/// Records one run into a run store: created at the start, each step's metrics through <see cref="ICallback"/>,
/// then final metrics, artifacts and status. Recording never fails the training it watches: the first store
/// error is logged once as a warning and the recorder goes quiet for the rest of the run.
/// </summary>
public sealed class RunRecorder : ICallback, IDisposable
{
    private readonly IRunStore _store;
    private readonly bool _ownsStore;
    private readonly Action<string> _log;
    private long? _runId;

    private RunRecorder(IRunStore store, bool ownsStore, Action<string> log)
    {
        _store = store;
        _ownsStore = ownsStore;
        _log = log;
    }

    /// <summary>The run's id in the store, or null when recording failed.</summary>
    public long? RunId => _runId;

    /// <summary>Opens the store (if <paramref name="openStore"/> is given) and records the run's start.</summary>
    /// <param name="openStore">Opens the store; null when <paramref name="store"/> is given.</param>
    /// <param name="store">An open store the caller owns.</param>
    public static RunRecorder Start(RunStart start, Func<IRunStore>? openStore, IRunStore? store, Action<string> log)
    {
        IRunStore? opened = store;
        try
        {
            opened ??= openStore!();
            var recorder = new RunRecorder(opened, ownsStore: store is null, log);
            // The process's id and start time let a later `lathe runs list` see that a run killed outright is gone.
            var tags = new Dictionary<string, string>(start.Tags);
            foreach (var (key, value) in RunLiveness.ThisProcess()) tags[key] = value;
            recorder._runId = opened.CreateRun(start with { Tags = tags });
            return recorder;
        }
        catch (Exception e) when (Recoverable(e))
        {
            log($"warning: tracking is off for this run: {Message(e)} (training goes on; the run folder has everything).");
            if (store is null) opened?.Dispose();
            return new RunRecorder(new InMemoryRunStore(), ownsStore: true, log);
        }
    }

    public void OnStep(StepReport report, FitContext context) => LogMetrics(report.Step, report.Metrics);

    /// <summary>Records the metrics of one step (an epoch; for cross-validation, a fold).</summary>
    public void LogMetrics(int step, IReadOnlyDictionary<string, double> metrics) => Try(id => _store.LogMetrics(id, step, metrics));

    public void LogFinalMetrics(string part, IReadOnlyDictionary<string, double>? metrics)
    {
        if (metrics is not null) Try(id => _store.LogFinalMetrics(id, part, metrics));
    }

    public void SetTags(IReadOnlyDictionary<string, string> tags) => Try(id => _store.SetTags(id, tags));

    /// <summary>Records every file under the run folder (relative paths, '/' separated) as artifacts.</summary>
    public void AddArtifactsOf(string folder) =>
        Try(id => _store.AddArtifacts(id, [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]));

    public void Finish(RunStatus status) => Try(id => _store.FinishRun(id, status));

    public void Dispose()
    {
        if (_ownsStore) _store.Dispose();
    }

    private void Try(Action<long> write)
    {
        if (_runId is not { } id) return;
        try
        {
            write(id);
        }
        catch (Exception e) when (Recoverable(e))
        {
            _runId = null;
            _log($"warning: tracking stopped for this run: {Message(e)} (training goes on; the run folder has everything).");
        }
    }

    // A store can fail in many ways (file locked or read-only, server gone, disk full); none of them should end
    // a training. Programming errors and cancellation are not swallowed.
    private static bool Recoverable(Exception e) =>
        e is not (OperationCanceledException or ArgumentException or NullReferenceException or InvalidCastException or OutOfMemoryException);

    private static string Message(Exception e) => e is LatheException ? e.Message : $"{e.GetType().Name}: {e.Message}";
}
