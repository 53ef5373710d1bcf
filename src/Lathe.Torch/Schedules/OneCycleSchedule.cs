namespace Lathe.Torch.Schedules;

/// <summary>
/// One-cycle policy (Smith &amp; Topin 2018, as torch's OneCycleLR with cosine annealing): from
/// max/<see cref="DivFactor"/> up to the maximum (the base rate) over the first <see cref="PctStart"/>
/// of the steps, then down to max/(<see cref="DivFactor"/>·<see cref="FinalDivFactor"/>).
/// </summary>
public sealed class OneCycleSchedule(double pctStart = 0.3, double divFactor = 25, double finalDivFactor = 1e4) : ILearningRateSchedule
{
    public double PctStart { get; } = pctStart is > 0 and < 1 ? pctStart : throw LatheException.BadConfig("train.schedule.pct_start must be in (0, 1).");

    public double DivFactor { get; } = divFactor >= 1 ? divFactor : throw LatheException.BadConfig("train.schedule.div_factor must be at least 1.");

    public double FinalDivFactor { get; } = finalDivFactor >= 1 ? finalDivFactor : throw LatheException.BadConfig("train.schedule.final_div_factor must be at least 1.");

    public double Rate(double baseRate, ScheduleClock clock)
    {
        var initial = baseRate / DivFactor;
        var final = initial / FinalDivFactor;
        // torch counts phases in steps with the peak at step pct·total − 1 and the end at total − 1.
        var peak = PctStart * clock.TotalSteps - 1;
        var end = clock.TotalSteps - 1.0;
        var step = (double)clock.Step;
        return step <= peak
            ? Cosine(initial, baseRate, peak <= 0 ? 1 : step / peak)
            : Cosine(baseRate, final, end - peak <= 0 ? 1 : Math.Min((step - peak) / (end - peak), 1));
    }

    private static double Cosine(double from, double to, double fraction) => to + (from - to) * (1 + Math.Cos(Math.PI * fraction)) / 2;
}
