using System.CommandLine;
using Lathe.Experiments.Selection;
using Lathe.Experiments.Tuning;

namespace Lathe.Cli.Commands;

/// <summary>lathe tune CONFIG [--trials N] [--workers K] [--study NAME] [--storage URL] [--set key=value ...] [--runs-dir DIR]</summary>
internal static class TuneCommand
{
    public static Command Create(CliConsole console)
    {
        var config = new Argument<string>("config") { Description = "The YAML config file with a tune: section (see docs/tuning.md)." };
        var trials = new Option<int?>("--trials") { Description = "Trials of the study in total (overrides tune.trials); a resumed study runs up to this count." };
        var workers = new Option<int>("--workers") { Description = "Worker processes that run trials side by side.", DefaultValueFactory = _ => 1 };
        var study = new Option<string?>("--study") { Description = "Study name (default tune.study, else the config's name); the same name resumes." };
        var storage = new Option<string?>("--storage") { Description = "memory, sqlite (runs/lathe.db), sqlite:PATH or postgres://user@host:port/db (overrides tune.storage)." };
        var set = new Option<string[]>("--set") { Description = "Override a config key for every trial, e.g. --set train.epochs=20 (repeatable).", DefaultValueFactory = _ => [] };
        var runsDir = new Option<string>("--runs-dir") { Description = "Folder for run folders.", DefaultValueFactory = _ => "runs" };
        var workerFolder = new Option<string?>("--worker-folder") { Description = "Internal: run as a worker of `--workers` into this tune folder.", Hidden = true };
        var command = new Command("tune", "Search hyperparameters: run trials of a study, print a leaderboard, write best.yaml and pictures.")
            { config, trials, workers, study, storage, set, runsDir, workerFolder };
        command.SetAction(parsed => LatheCli.Guard(console, () =>
        {
            var worker = parsed.GetValue(workerFolder);
            var options = new TuneOptions
            {
                RunsDirectory = parsed.GetValue(runsDir)!, Trials = parsed.GetValue(trials), Workers = parsed.GetValue(workers),
                Study = parsed.GetValue(study), Storage = parsed.GetValue(storage), WorkerFolder = worker,
                Log = worker is null ? console.Output.WriteLine : console.Error.WriteLine,
            };
            if (worker is null && ModelSelectionRun.Requested(parsed.GetValue(config)!, parsed.GetValue(set) ?? []))
                return ModelSelectionOutput.Print(console, ModelSelectionRun.Execute(parsed.GetValue(config)!, parsed.GetValue(set) ?? [],
                    new ModelSelectionOptions { RunsDirectory = options.RunsDirectory, Tune = options, Launcher = Launcher(), Log = options.Log }));
            var result = TuneRun.Execute(parsed.GetValue(config)!, parsed.GetValue(set) ?? [], options, Launcher());
            if (worker is null) console.Output.WriteLine($"run: {result.Folder}");
            return 0;
        }));
        return command;
    }

    /// <summary>How to start lathe again: through its dll next to this assembly (dotnet run, tests), else this executable.</summary>
    private static IReadOnlyList<string> Launcher()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Lathe.Cli.dll");
        var process = Environment.ProcessPath ?? "dotnet";
        var isHost = Path.GetFileNameWithoutExtension(process) is "dotnet" or "testhost";
        if (isHost || !File.Exists(process)) return ["dotnet", dll];
        return [process];
    }
}
