namespace Lathe.Torch.Schedules;

/// <summary>
/// Cosine annealing from the base rate down to <see cref="MinRate"/>, evaluated every step. Without
/// restarts one cosine spans the whole run; with <see cref="RestartEpochs"/> (SGDR, Loshchilov &amp;
/// Hutter 2017) the first cycle lasts that many epochs and each next one <see cref="CycleMultiplier"/> times longer.
/// </summary>
public sealed class CosineAnnealingSchedule(double minRate = 0, int? restartEpochs = null, int cycleMultiplier = 1) : ILearningRateSchedule
{
    public double MinRate { get; } = minRate;

    public int? RestartEpochs { get; } = restartEpochs is null or >= 1 ? restartEpochs : throw LatheException.BadConfig("train.schedule.restart_epochs must be at least 1.");

    public int CycleMultiplier { get; } = cycleMultiplier >= 1 ? cycleMultiplier : throw LatheException.BadConfig("train.schedule.cycle_multiplier must be at least 1.");

    public double Rate(double baseRate, ScheduleClock clock)
    {
        double position, length;
        if (RestartEpochs is not { } first)
        {
            position = clock.Step;
            length = Math.Max(clock.TotalSteps, 1);
        }
        else
        {
            // Walk the cycles (in epochs, fractional) until the one that holds this step.
            position = clock.EpochProgress;
            length = first;
            while (position >= length)
            {
                position -= length;
                length *= CycleMultiplier;
            }
        }
        return MinRate + (baseRate - MinRate) * (1 + Math.Cos(Math.PI * Math.Min(position / length, 1))) / 2;
    }
}
