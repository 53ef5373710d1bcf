namespace Lathe.Torch.Schedules;

/// <summary>
/// Raises the rate linearly from base/ <c>warmupSteps</c> to the base rate over the first steps, then
/// hands over to <see cref="After"/>, whose clock starts at the end of the warmup.
/// </summary>
public sealed class LinearWarmupSchedule(long warmupSteps, ILearningRateSchedule after) : ILearningRateSchedule
{
    public long WarmupSteps { get; } = warmupSteps >= 0 ? warmupSteps : throw LatheException.BadConfig("train.schedule.warmup must not be negative.");

    public ILearningRateSchedule After { get; } = after;

    public double Rate(double baseRate, ScheduleClock clock)
    {
        if (clock.Step < WarmupSteps) return baseRate * (clock.Step + 1) / WarmupSteps;
        var rest = clock with { Step = clock.Step - WarmupSteps, TotalSteps = Math.Max(clock.TotalSteps - WarmupSteps, 1) };
        return After.Rate(baseRate, rest);
    }
}
