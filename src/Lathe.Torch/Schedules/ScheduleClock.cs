namespace Lathe.Torch.Schedules;

/// <summary>
/// Where training is when a learning rate is asked for: <see cref="Step"/> optimizer steps done so far
/// (0 before the first), out of <see cref="TotalSteps"/>, with <see cref="StepsPerEpoch"/> per epoch.
/// </summary>
public readonly record struct ScheduleClock(long Step, long StepsPerEpoch, long TotalSteps)
{
    /// <summary>Completed epochs (0 during the first epoch).</summary>
    public long Epoch => StepsPerEpoch == 0 ? 0 : Step / StepsPerEpoch;

    /// <summary>Fractional epochs done, e.g. 2.5 halfway through the third epoch.</summary>
    public double EpochProgress => StepsPerEpoch == 0 ? 0 : (double)Step / StepsPerEpoch;
}
