using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Lathe.Experiments.Config;
using Lathe.Experiments.Runs;
using Lathe.IO;
using Lathe.Tuning;
using Lathe.Tuning.Storage;
using Lathe.Tuning.Studies;
using Lathe.Tuning.Trials;

namespace Lathe.Experiments.Tuning;

/// <summary>
/// `lathe tune`: runs trials of a study, each a normal training run with the trial's params applied as
/// overrides and a pruning callback, into runs/&lt;study&gt;-tune-&lt;stamp&gt;/trial-N/. Then writes the summary:
/// trials.csv, best.yaml (ready for `lathe train`) and the pictures. Running it again with the same study name
/// continues in the same folder up to the requested total.
/// </summary>
public static class TuneRun
{
    /// <param name="launcher">How to start this program again (e.g. ["dotnet", "/path/Lathe.Cli.dll"]), for --workers.</param>
    public static TuneResult Execute(string configPath, IReadOnlyList<string> overrides, TuneOptions options, IReadOnlyList<string>? launcher = null)
    {
        var config = ConfigLoader.Load(configPath, overrides);
        var settings = TuneSettings.From(config, configPath, options);
        var log = options.Log ?? (_ => { });
        if (options.Workers > 1 && settings.Storage.Trim() is "memory" or "inmemory")
            throw LatheException.BadConfig("--workers needs storage that processes share: sqlite (the default) or a PostgreSQL URL, not memory.");
        CheckSpace(configPath, overrides, settings, config.Model.Type);

        using var storage = StorageUrl.Open(settings.Storage, options.RunsDirectory);
        var study = Study.CreateOrLoad(settings.StudyName, storage, settings.StudyOptions with { Log = log });
        var folder = options.WorkerFolder ?? options.Folder ?? TuneFolder.FindOrCreate(options.RunsDirectory, settings.StudyName, StorageUrl.Redact(settings.Storage));
        var leaderboard = new Leaderboard(settings, log, Study.BestOf(study.Trials, settings.Direction));

        if (options.WorkerFolder is null)
        {
            log($"study {settings.StudyName}: {settings.Trials} trials, sampler {config.Tune!.Sampler}, pruner {config.Tune.Pruner}, " +
                $"{settings.Direction.Name()} {settings.Metric}, storage {StorageUrl.Redact(settings.Storage)}" +
                (study.Trials.Count(t => t.State is TrialState.Complete or TrialState.Pruned) is > 0 and var done ? $" ({done} trials done before: resuming)" : ""));
            // Keys of the base config its fixed model type ignores (with a model.type choice, trials' logs say it per type).
            if (settings.Space.Params.All(p => p.Key != "model.type"))
                foreach (var warning in UnusedModelKeys.Warnings(config.Model)) log(warning);
        }

        if (options.Workers > 1)
        {
            if (launcher is null) throw new InvalidOperationException("--workers needs a way to start worker processes.");
            IReadOnlyList<string> args = [.. launcher, "tune", Path.GetFullPath(configPath), .. overrides.SelectMany(o => new[] { "--set", o }),
                "--runs-dir", Path.GetFullPath(options.RunsDirectory), "--study", settings.StudyName, "--storage", settings.Storage,
                "--trials", settings.Trials.ToString(CultureInfo.InvariantCulture), "--worker-folder", folder];
            RunWorkers(options.Workers, args, folder, study, leaderboard, options.Cancellation);
        }
        else
        {
            // Failed trials do not fill the study's count (storage gives their slot again): with skip, this process
            // also stops after that many trials of its own, failed ones included, so a config that always fails ends.
            var skipFailed = config.Tune!.FailedTrials == "skip";
            study.Optimize(trial => FailedTrialPolicy.Run(trial, skipFailed, log, () => RunTrial(trial, configPath, overrides, settings, folder, options.RunsDirectory, options.Cancellation)),
                new OptimizeLimits { StudyTrials = settings.Trials, Trials = skipFailed ? settings.Trials : null, Cancellation = options.Cancellation },
                options.WorkerFolder is null ? leaderboard.Finished : null);
        }
        if (options.WorkerFolder is not null) return new TuneResult(folder, settings.StudyName, null, null, study.Trials);

        var trials = study.Trials;
        var best = Study.BestOf(trials, settings.Direction);
        string? bestYaml = null;
        if (best is not null)
        {
            var configDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
            var bestConfig = ConfigLoader.Load(configPath, [.. overrides, .. TuneSpace.OverridesOf(best)]);
            bestYaml = Path.Combine(folder, "best.yaml");
            AtomicFile.WriteAllText(bestYaml, $"# Best trial {best.Number} of study {settings.StudyName}: {settings.Metric} {best.Value:G6}\n" +
                ConfigLoader.ToYaml(ConfigPaths.Absolute(bestConfig, configDirectory)));
        }
        TuneReport.Write(folder, settings, trials, best);
        leaderboard.Summary(trials, best, bestYaml);
        return new TuneResult(folder, settings.StudyName, best, bestYaml, trials);
    }

    private static double RunTrial(Trial trial, string configPath, IReadOnlyList<string> overrides, TuneSettings settings, string folder, string runsDirectory, CancellationToken cancellation)
    {
        var trialOverrides = settings.Space.Suggest(trial);
        var pruning = new PruningCallback(trial, settings.Metric);
        var lines = new List<string>();
        var trialFolder = Path.Combine(folder, $"trial-{trial.Number}");
        RunResult result;
        try
        {
            result = TrainingRun.Execute(configPath, [.. overrides, .. trialOverrides],
                new RunOptions
                {
                    Folder = trialFolder, RunsDirectory = runsDirectory, Callbacks = [pruning], Log = lines.Add, Cancellation = cancellation,
                    Tags = new Dictionary<string, string> { ["tune.study"] = settings.StudyName, ["tune.trial"] = trial.Number.ToString(CultureInfo.InvariantCulture) },
                });
        }
        finally
        {
            if (Directory.Exists(trialFolder)) AtomicFile.WriteAllText(Path.Combine(trialFolder, "log.txt"), string.Join("\n", lines) + "\n");
        }
        trial.SetUserAttr("run", result.Folder);
        pruning.ThrowIfPruned();
        return ObjectiveOf(result, pruning, settings.Metric);
    }

    /// <summary>val_X: the validation score X; test_X: the test score; otherwise the metric's last per-step value.</summary>
    internal static double ObjectiveOf(RunResult result, PruningCallback reports, string metric)
    {
        if (metric.StartsWith("val_", StringComparison.Ordinal) && result.ValidationMetrics?.TryGetValue(metric[4..], out var v) == true) return v;
        if (metric.StartsWith("test_", StringComparison.Ordinal) && result.TestMetrics?.TryGetValue(metric[5..], out var t) == true) return t;
        if (reports.LastValue is { } last) return last;
        var known = (result.ValidationMetrics?.Keys.Select(k => "val_" + k) ?? []).Concat(result.TestMetrics?.Keys.Select(k => "test_" + k) ?? []);
        throw LatheException.BadConfig($"tune.metric: '{metric}' is neither a score of this run nor reported per epoch; scores: {string.Join(", ", known)}.");
    }

    /// <summary>
    /// Applies each param's first value to the config, so a mistyped key fails before any trial runs; refuses model
    /// params no model type of the study reads.
    /// </summary>
    private static void CheckSpace(string configPath, IReadOnlyList<string> overrides, TuneSettings settings, string modelType)
    {
        UnreadSpaceParams.Check(settings.Space, modelType, configPath);
        foreach (var p in settings.Space.Params)
        {
            var sample = p.Distribution switch
            {
                Lathe.Tuning.Distributions.FloatDistribution f => f.Low,
                Lathe.Tuning.Distributions.IntDistribution i => i.Low,
                _ => 0,
            };
            try
            {
                ConfigLoader.Load(configPath, [.. overrides, $"{p.Key}={TuneSpace.OverrideText(p.Distribution, sample)}"]);
            }
            catch (LatheException e) when (e.Message.StartsWith("--set", StringComparison.Ordinal))
            {
                throw LatheException.BadConfig($"{configPath}: tune.space.{p.Key}: {e.Message[(e.Message.IndexOf(':') + 1)..].Trim()}");
            }
        }
    }

    private static void RunWorkers(int count, IReadOnlyList<string> args, string folder, Study study, Leaderboard leaderboard, CancellationToken cancellation)
    {
        var processes = new List<(Process Process, string Log)>();
        for (var w = 0; w < count; w++)
        {
            var info = new ProcessStartInfo(args[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args.Skip(1)) info.ArgumentList.Add(a);
            var logPath = Path.Combine(folder, $"worker-{w}.log");
            var process = Process.Start(info)!;
            var logFile = new StreamWriter(logPath, append: true) { AutoFlush = true };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (logFile) logFile.WriteLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (logFile) logFile.WriteLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            processes.Add((process, logPath));
        }
        // The workers share only the storage; the leaderboard follows it.
        var reported = study.Trials.Where(t => t.State.IsFinished()).Select(t => t.Number).ToHashSet();
        while (true)
        {
            var allDone = processes.All(p => p.Process.HasExited);
            foreach (var t in study.Trials.Where(t => t.State.IsFinished() && reported.Add(t.Number)).OrderBy(t => t.CompletedAt))
                leaderboard.Finished(t);
            if (allDone) break;
            if (cancellation.IsCancellationRequested) foreach (var p in processes.Where(p => !p.Process.HasExited)) p.Process.Kill();
            Thread.Sleep(300);
        }
        foreach (var (process, logPath) in processes)
        {
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var tail = File.ReadLines(logPath).Where(l => l.StartsWith("error:", StringComparison.Ordinal)).LastOrDefault();
                throw LatheException.BadConfig($"a worker failed (exit code {process.ExitCode}){(tail is null ? "" : $": {tail["error:".Length..].Trim()}")}; its output is in {logPath}.");
            }
        }
    }
}

/// <summary>What `lathe tune` produced.</summary>
public sealed record TuneResult(string Folder, string StudyName, FrozenTrial? Best, string? BestYaml, IReadOnlyList<FrozenTrial> Trials);
