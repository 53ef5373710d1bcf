using Lathe.Tuning.Distributions;

namespace Lathe.Tuning.Storage;

/// <summary>A param fixed in advance for a waiting trial (a grid point, an enqueued guess, a re-queued trial).</summary>
public sealed record QueuedParam(string Name, double Value, ParamDistribution Distribution);
