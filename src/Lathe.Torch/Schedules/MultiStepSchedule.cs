namespace Lathe.Torch.Schedules;

/// <summary>Multiplies the rate by <c>gamma</c> at each milestone epoch (torch's MultiStepLR).</summary>
public sealed class MultiStepSchedule(IReadOnlyList<int> milestones, double gamma) : ILearningRateSchedule
{
    public IReadOnlyList<int> Milestones { get; } = [.. milestones.Order()];

    public double Gamma { get; } = gamma is > 0 and <= 1 ? gamma : throw LatheException.BadConfig("train.schedule.gamma must be in (0, 1].");

    public double Rate(double baseRate, ScheduleClock clock) =>
        baseRate * Math.Pow(Gamma, Milestones.Count(m => clock.Epoch >= m));
}
