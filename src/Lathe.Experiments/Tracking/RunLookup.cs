using System.Globalization;
using Lathe.Tracking.Recording;
using Lathe.Tracking.Store;

namespace Lathe.Experiments.Tracking;

/// <summary>Finds a recorded run from what a user types: its id in the run store, or its run folder.</summary>
public static class RunLookup
{
    /// <summary>Opens the run store to read: <paramref name="storage"/> if given, else &lt;runs-dir&gt;/lathe.db.</summary>
    public static IRunStore OpenStore(string? storage, string runsDirectory)
    {
        var text = storage ?? "sqlite";
        if (text.Trim() is "memory" or "inmemory")
            throw LatheException.BadConfig("--storage: memory lives only inside one process, so it has no runs to show; use sqlite, sqlite:PATH or a PostgreSQL URL.");
        var address = Lathe.Storage.StorageAddress.Parse(text, runsDirectory, "--storage");
        if (address.Kind == Lathe.Storage.StorageKind.Sqlite && !File.Exists(address.Target))
            throw LatheException.BadConfig($"{Path.GetFullPath(address.Target)}: no run store here yet; train a run first, or name the store with --storage / the folder with --runs-dir.");
        return RunStoreUrl.Open(text, runsDirectory, "--storage");
    }

    /// <summary>The run a user named; a "running" run whose process on this machine is gone is marked killed first.</summary>
    public static RunRecord Find(IRunStore store, string run)
    {
        long? id = long.TryParse(run, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (id is null && Directory.Exists(run)) id = store.FindRunByFolder(Path.GetFullPath(run).TrimEnd(Path.DirectorySeparatorChar));
        var found = (id is { } key ? store.GetRun(key) : null)
            ?? throw LatheException.BadConfig($"run '{run}' is not in the run store {store.Describe}; give a run id or run folder that `lathe runs list` shows.");
        return RunLiveness.MarkVanished(store, [found.Summary]).Count > 0 ? store.GetRun(found.Summary.Id)! : found;
    }

    /// <summary>The newest runs, after marking killed those "running" whose process on this machine is gone.</summary>
    public static IReadOnlyList<RunSummary> List(IRunStore store, string? nameContains, int limit)
    {
        var runs = store.ListRuns(nameContains, limit);
        return RunLiveness.MarkVanished(store, runs).Count > 0 ? store.ListRuns(nameContains, limit) : runs;
    }
}
