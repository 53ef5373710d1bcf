using Lathe.Experiments.Config;
using Lathe.Experiments.Runs;
using Lathe.Tracking.Recording;
using Lathe.Tracking.Store;

namespace Lathe.Experiments.Tracking;

/// <summary>Starts the recording of a training run into the run store its config (or the caller) names.</summary>
internal static class TrainingTracking
{
    /// <summary>A recorder for the run (named <paramref name="name"/>, or the config's name), or null when tracking is off.</summary>
    public static RunRecorder? Start(LatheConfig config, string configYaml, string folder, RunOptions options, Action<string> log, string? name = null)
    {
        if (options.RunStore is null && !config.Tracking.Enabled) return null;
        var start = new RunStart
        {
            Name = name ?? config.Name,
            Folder = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar),
            ConfigText = configYaml,
            Params = ConfigParams.Flatten(configYaml),
            Tags = options.Tags,
        };
        return RunRecorder.Start(start, () => RunStoreUrl.Open(config.Tracking.Storage, options.RunsDirectory), options.RunStore, log);
    }

    /// <summary>Records how the run ended: scores, the run folder's files and status; or failed/killed when it threw.</summary>
    public static void Finish(RunRecorder? recorder, RunResult result)
    {
        if (recorder is null) return;
        recorder.LogFinalMetrics("validation", result.ValidationMetrics);
        recorder.LogFinalMetrics("test", result.TestMetrics);
        recorder.AddArtifactsOf(result.Folder);
        recorder.Finish(RunStatus.Finished);
    }

    public static void Fail(RunRecorder? recorder, Exception error, string folder)
    {
        if (recorder is null) return;
        recorder.SetTags(new Dictionary<string, string> { ["error"] = error.Message.Length > 500 ? error.Message[..500] : error.Message });
        if (Directory.Exists(folder)) recorder.AddArtifactsOf(folder);
        recorder.Finish(error is OperationCanceledException ? RunStatus.Killed : RunStatus.Failed);
    }
}
