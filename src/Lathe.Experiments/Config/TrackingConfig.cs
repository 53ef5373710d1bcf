using Lathe.Storage;

namespace Lathe.Experiments.Config;

/// <summary>The tracking: section (see docs/tracking.md): where `lathe train` and tuning trials record their runs.</summary>
public sealed class TrackingConfig
{
    /// <summary>memory, sqlite (&lt;runs-dir&gt;/lathe.db), sqlite:PATH, or a PostgreSQL URL.</summary>
    public string Storage { get; set; } = "sqlite";

    /// <summary>false: record nothing (the run folder still has everything).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Refuses a storage text that names no store, before any training starts.</summary>
    internal void Validate(string source)
    {
        if (string.IsNullOrWhiteSpace(Storage))
            throw LatheException.BadConfig($"{source}: tracking.storage is empty; write sqlite (the default), sqlite:PATH, memory or a PostgreSQL URL, or set tracking.enabled: false.");
        try
        {
            StorageAddress.Parse(Storage, "runs", "tracking.storage");
        }
        catch (LatheException e)
        {
            throw LatheException.BadConfig($"{source}: {e.Message}");
        }
    }
}
