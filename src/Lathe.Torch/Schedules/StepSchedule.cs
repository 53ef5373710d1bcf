namespace Lathe.Torch.Schedules;

/// <summary>Multiplies the rate by <c>gamma</c> every <c>stepSize</c> epochs (torch's StepLR).</summary>
public sealed class StepSchedule(int stepSize, double gamma) : ILearningRateSchedule
{
    public int StepSize { get; } = stepSize >= 1 ? stepSize : throw LatheException.BadConfig("train.schedule.step_size must be at least 1.");

    public double Gamma { get; } = gamma is > 0 and <= 1 ? gamma : throw LatheException.BadConfig("train.schedule.gamma must be in (0, 1].");

    public double Rate(double baseRate, ScheduleClock clock) => baseRate * Math.Pow(Gamma, clock.Epoch / StepSize);
}
