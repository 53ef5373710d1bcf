using Lathe.Tuning.Pruners;
using Lathe.Tuning.Samplers;

namespace Lathe.Tuning.Studies;

/// <summary>How a worker takes part in a study. Everything here is per worker; only the storage is shared.</summary>
public sealed record StudyOptions
{
    public StudyDirection Direction { get; init; } = StudyDirection.Minimize;

    public ISampler Sampler { get; init; } = new TpeSampler();

    public IPruner Pruner { get; init; } = new NoPruner();

    /// <summary>Seconds between heartbeats while a trial runs.</summary>
    public double HeartbeatSeconds { get; init; } = 5;

    /// <summary>A running trial whose last heartbeat is older than this is taken for dead when a worker asks for a trial.</summary>
    public double GraceSeconds { get; init; } = 60;

    /// <summary>Queue a dead worker's trial again with the same params (otherwise it stays Failed and a new trial replaces it).</summary>
    public bool RequeueDeadTrials { get; init; }

    /// <summary>Names this worker in storage (default: host, process id and a random tag).</summary>
    public string Worker { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Receives one line per event worth telling (a dead trial reaped, a result that came too late).</summary>
    public Action<string>? Log { get; init; }
}
