namespace Lathe.Torch.Schedules;

/// <summary>Multiplies the rate by <c>gamma</c> after every epoch (torch's ExponentialLR).</summary>
public sealed class ExponentialSchedule(double gamma) : ILearningRateSchedule
{
    public double Gamma { get; } = gamma is > 0 and <= 1 ? gamma : throw LatheException.BadConfig("train.schedule.gamma must be in (0, 1].");

    public double Rate(double baseRate, ScheduleClock clock) => baseRate * Math.Pow(Gamma, clock.Epoch);
}
