using Lathe.Experiments.Config;
using Lathe.Training;
using Lathe.Tuning.Pruners;
using Lathe.Tuning.Samplers;
using Lathe.Tuning.Studies;

namespace Lathe.Experiments.Tuning;

/// <summary>The tune: section and command-line options resolved and checked: sampler, pruner, direction, names.</summary>
public sealed record TuneSettings(
    string StudyName, string Storage, int Trials, string Metric, StudyDirection Direction, TuneSpace Space,
    ISampler Sampler, IPruner Pruner, StudyOptions StudyOptions)
{
    public static TuneSettings From(LatheConfig config, string source, TuneOptions options)
    {
        var tune = config.Tune ?? throw LatheException.BadConfig(
            $"{source}: has no tune: section; add one with a space of keys to search (see docs/tuning.md), e.g.\n" +
            "tune:\n  trials: 20\n  metric: val_accuracy\n  space:\n    train.optimizer.lr: { loguniform: [1.0e-4, 1.0e-1] }");
        string Field(string name) => $"{source}: tune.{name}";
        var trials = options.Trials ?? tune.Trials;
        if (trials < 1) throw LatheException.BadConfig(options.Trials is null ? $"{Field("trials")} must be at least 1." : "--trials must be at least 1.");
        if (options.Workers < 1) throw LatheException.BadConfig("--workers must be at least 1.");
        if (string.IsNullOrWhiteSpace(tune.Metric)) throw LatheException.BadConfig($"{Field("metric")} is required, e.g. val_accuracy or val_loss.");
        var direction = tune.Direction is { } d
            ? StudyDirections.Parse(d, Field("direction"))
            : EarlyStopping.IsLowerBetter(tune.Metric) ? StudyDirection.Minimize : StudyDirection.Maximize;
        if (tune.FailedTrials is not (null or "stop" or "skip"))
            throw LatheException.BadConfig($"{Field("failed_trials")} '{tune.FailedTrials}' is not one of stop, skip.");
        var space = TuneSpace.From(tune, source);
        var seed = tune.Seed ?? config.Seed;
        ISampler sampler = tune.Sampler switch
        {
            "grid" => new GridSampler(space.GridPoints(source)),
            "random" => new RandomSampler(seed),
            "tpe" => Checked(() => new TpeSampler(seed, tune.StartupTrials), Field("startup_trials")),
            _ => throw LatheException.BadConfig($"{Field("sampler")} '{tune.Sampler}' is not one of grid, random, tpe."),
        };
        IPruner pruner = tune.Pruner switch
        {
            "none" => new NoPruner(),
            "median" => Checked(() => new MedianPruner(tune.PrunerStartupTrials ?? 5, tune.WarmupSteps), Field("pruner_startup_trials/warmup_steps")),
            "asha" => Checked(() => new SuccessiveHalvingPruner(tune.MinResource, tune.ReductionFactor, startupTrials: tune.PrunerStartupTrials ?? 3),
                Field("min_resource/reduction_factor/pruner_startup_trials")),
            "hyperband" => Checked(() => new HyperbandPruner(tune.MinResource, tune.MaxResource ?? config.Train.Epochs, tune.ReductionFactor, tune.PrunerStartupTrials ?? 0),
                Field("min_resource/max_resource/pruner_startup_trials")),
            _ => throw LatheException.BadConfig($"{Field("pruner")} '{tune.Pruner}' is not one of none, median, asha, hyperband."),
        };
        if (tune.HeartbeatSeconds <= 0 || tune.GraceSeconds <= tune.HeartbeatSeconds * 2)
            throw LatheException.BadConfig($"{Field("grace_seconds")} must exceed two heartbeats (tune.heartbeat_seconds), or live trials would be taken for dead.");
        var storage = options.Storage ?? RelativeToConfig(tune.Storage, source);
        var studyName = options.Study ?? tune.Study ?? config.Name;
        if (string.IsNullOrWhiteSpace(studyName) || studyName.IndexOfAny([.. Path.GetInvalidFileNameChars(), '*', '?']) >= 0)
            throw LatheException.BadConfig($"{(options.Study is null ? Field("study") : "--study")}: '{studyName}' cannot name a tune folder; use letters, digits, '-' and '_'.");
        return new TuneSettings(studyName, storage, trials, tune.Metric, direction, space, sampler, pruner, new StudyOptions
        {
            Direction = direction, Sampler = sampler, Pruner = pruner,
            HeartbeatSeconds = tune.HeartbeatSeconds, GraceSeconds = tune.GraceSeconds,
        });
    }

    /// <summary>A SQLite path in the config file is relative to the config file, like every path there.</summary>
    private static string RelativeToConfig(string storage, string source)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(source))!;
        if (storage.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) && storage["sqlite:".Length..] is { Length: > 0 } path && !path.StartsWith('/'))
            return "sqlite:" + Path.Combine(folder, path);
        if (!Lathe.Tuning.Storage.StorageUrl.IsPostgres(storage) && (storage.EndsWith(".db", StringComparison.OrdinalIgnoreCase) || storage.EndsWith(".sqlite", StringComparison.OrdinalIgnoreCase)))
            return Path.Combine(folder, storage);
        return storage;
    }

    private static T Checked<T>(Func<T> create, string field)
    {
        try
        {
            return create();
        }
        catch (LatheException e)
        {
            throw LatheException.BadConfig($"{field}: {e.Message}");
        }
    }
}
