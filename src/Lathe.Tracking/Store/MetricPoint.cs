namespace Lathe.Tracking.Store;

/// <summary>One value of a metric series: the metric <see cref="Name"/> at step (epoch, round) <see cref="Step"/>.</summary>
public sealed record MetricPoint(int Step, string Name, double Value);
