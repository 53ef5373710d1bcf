namespace Lathe.Torch.Schedules;

/// <summary>The base rate throughout.</summary>
public sealed class ConstantSchedule : ILearningRateSchedule
{
    public double Rate(double baseRate, ScheduleClock clock) => baseRate;
}
