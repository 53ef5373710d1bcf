namespace Lathe.Torch.Schedules;

/// <summary>
/// The learning rate as a function of training progress. Schedules are pure functions of the clock
/// (plateau also of the validation history it was told), so a resumed run gets exactly the rates an
/// uninterrupted run would, and each schedule can be checked against its formula.
/// </summary>
public interface ILearningRateSchedule
{
    /// <summary>The rate to use for the optimizer step that follows <paramref name="clock"/>.Step steps.</summary>
    double Rate(double baseRate, ScheduleClock clock);
}
