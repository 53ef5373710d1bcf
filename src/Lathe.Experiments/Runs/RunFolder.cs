using System.Globalization;

namespace Lathe.Experiments.Runs;

/// <summary>The folder a training run writes: config.yaml, metrics.json, history.csv, learning_curve.png, model/.</summary>
public sealed class RunFolder
{
    private RunFolder(string path) => Path = path;

    public string Path { get; }

    public string ConfigFile => System.IO.Path.Combine(Path, "config.yaml");
    public string MetricsFile => System.IO.Path.Combine(Path, "metrics.json");
    public string HistoryFile => System.IO.Path.Combine(Path, "history.csv");
    public string HistoryJsonFile => System.IO.Path.Combine(Path, "history.json");
    public string LearningCurveFile => System.IO.Path.Combine(Path, "learning_curve.png");
    public string ModelDirectory => System.IO.Path.Combine(Path, "model");
    public string CheckpointDirectory => System.IO.Path.Combine(Path, "checkpoints");

    /// <summary>An existing run folder, to resume: it must hold a checkpoint.</summary>
    public static RunFolder OpenForResume(string path)
    {
        var folder = new RunFolder(System.IO.Path.GetFullPath(path));
        if (!Directory.Exists(folder.Path))
            throw LatheException.BadConfig($"--resume {path}: no such run folder.");
        if (File.Exists(folder.MetricsFile))
            throw LatheException.BadConfig($"--resume {path}: this run already finished (it has metrics.json); train a new run instead.");
        if (Lathe.Training.CheckpointFolder.Locate(System.IO.Path.Combine(folder.CheckpointDirectory, "last")) is null)
            throw LatheException.BadConfig($"--resume {path}: the run has no checkpoint yet (checkpoints/last is written after the first epoch).");
        return folder;
    }

    /// <summary>Creates runs/&lt;name&gt;-&lt;yyyyMMdd-HHmmss&gt;, adding -2, -3, … if that folder exists.</summary>
    public static RunFolder Create(string runsDirectory, string name, DateTime now)
    {
        var stem = System.IO.Path.Combine(runsDirectory, $"{name}-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        var path = stem;
        for (var n = 2; Directory.Exists(path); n++) path = $"{stem}-{n}";
        Directory.CreateDirectory(path);
        return new RunFolder(System.IO.Path.GetFullPath(path));
    }

    /// <summary>Creates exactly this folder, adding -2, -3, … if it exists.</summary>
    public static RunFolder CreateExact(string path)
    {
        var chosen = path;
        for (var n = 2; Directory.Exists(chosen); n++) chosen = $"{path}-{n}";
        Directory.CreateDirectory(chosen);
        return new RunFolder(System.IO.Path.GetFullPath(chosen));
    }

    /// <summary>The model folder of a run given as the run folder itself or its model/ folder.</summary>
    public static string ModelDirectoryOf(string runOrModel)
    {
        if (File.Exists(System.IO.Path.Combine(runOrModel, Lathe.Models.ModelFolder.FileName))) return runOrModel;
        var model = System.IO.Path.Combine(runOrModel, "model");
        if (Directory.Exists(model)) return model;
        throw LatheException.BadConfig(
            Directory.Exists(runOrModel)
                ? $"{runOrModel}: no model here; the run may have failed before saving one (a finished run has a model/ folder)."
                : $"{runOrModel}: no such run folder. `lathe train` prints the folder on its last line (run: ...).");
    }
}
