using Lathe.Torch.Schedules;

namespace Lathe.Torch.Tests;

/// <summary>Each schedule's rate at chosen steps, against its formula (10 steps per epoch, base rate 1).</summary>
public class ScheduleCurveTests
{
    private const long PerEpoch = 10;

    private static double At(ILearningRateSchedule schedule, long step, long total = 100) =>
        schedule.Rate(1.0, new ScheduleClock(step, PerEpoch, total));

    [Fact]
    public void Step_decays_every_step_size_epochs()
    {
        var s = new StepSchedule(stepSize: 3, gamma: 0.5);
        Assert.Equal(1.0, At(s, 29));
        Assert.Equal(0.5, At(s, 30));
        Assert.Equal(0.25, At(s, 60));
    }

    [Fact]
    public void Multistep_decays_at_each_milestone()
    {
        var s = new MultiStepSchedule([2, 5], 0.1);
        Assert.Equal(1.0, At(s, 19));
        Assert.Equal(0.1, At(s, 20), 12);
        Assert.Equal(0.01, At(s, 50), 12);
    }

    [Fact]
    public void Exponential_multiplies_by_gamma_per_epoch() =>
        Assert.Equal(Math.Pow(0.9, 4), At(new ExponentialSchedule(0.9), 45), 12);

    [Fact]
    public void Cosine_falls_from_the_base_rate_to_the_minimum_over_the_run()
    {
        var s = new CosineAnnealingSchedule(minRate: 0.1);
        Assert.Equal(1.0, At(s, 0), 12);
        Assert.Equal(0.55, At(s, 50), 12);
        Assert.Equal(0.1 + 0.9 * (1 + Math.Cos(Math.PI * 0.25)) / 2, At(s, 25), 12);
        Assert.Equal(0.1, At(s, 100), 12);
    }

    [Fact]
    public void Cosine_with_warm_restarts_restarts_with_longer_cycles()
    {
        var s = new CosineAnnealingSchedule(minRate: 0, restartEpochs: 2, cycleMultiplier: 2);
        Assert.Equal(0.5, At(s, 10), 12);   // halfway through the first 2-epoch cycle
        Assert.Equal(1.0, At(s, 20), 12);   // restart
        Assert.Equal(0.5, At(s, 40), 12);   // halfway through the second, 4-epoch cycle
        Assert.Equal(1.0, At(s, 60), 12);   // restart again
    }

    [Fact]
    public void Linear_warmup_rises_then_hands_over()
    {
        var s = new LinearWarmupSchedule(5, new StepSchedule(1, 0.5));
        Assert.Equal(0.2, At(s, 0), 12);
        Assert.Equal(1.0, At(s, 4), 12);
        Assert.Equal(1.0, At(s, 5), 12);     // the inner schedule's clock starts at 0
        Assert.Equal(0.5, At(s, 15), 12);
    }

    [Fact]
    public void One_cycle_matches_torch_one_cycle_lr()
    {
        var s = new OneCycleSchedule(pctStart: 0.3, divFactor: 25, finalDivFactor: 1e4);
        Assert.Equal(1.0 / 25, At(s, 0), 12);
        Assert.Equal(1.0, At(s, 29), 12);                        // peak at pct·total − 1
        Assert.Equal(1.0 / 25 / 1e4, At(s, 99), 12);             // end at total − 1
        var mid = 29 + (99 - 29) / 2.0;
        Assert.True(Math.Abs(At(s, (long)mid) - (1.0 + 1.0 / 25 / 1e4) / 2) < 0.03);
    }

    [Fact]
    public void Plateau_lowers_the_rate_after_patience_epochs_without_improvement()
    {
        var s = new ReduceOnPlateauSchedule("val_loss", factor: 0.5, patience: 1);
        foreach (var loss in new[] { 1.0, 0.8, 0.9 }) s.Observe(new Dictionary<string, double> { ["val_loss"] = loss });
        Assert.Equal(1.0, At(s, 30));
        s.Observe(new Dictionary<string, double> { ["val_loss"] = 0.85 });
        Assert.Equal(0.5, At(s, 40));
        var copy = new ReduceOnPlateauSchedule("val_loss", 0.5, 1);
        copy.LoadState(s.SaveState());
        Assert.Equal(0.5, At(copy, 40));
    }

    [Fact]
    public void Options_build_each_type_and_refuse_unknown_ones()
    {
        foreach (var type in ScheduleOptions.Types.Where(t => t != "multistep"))
            Assert.NotNull(new ScheduleOptions { Type = type }.Create(PerEpoch));
        Assert.IsType<LinearWarmupSchedule>(new ScheduleOptions { Type = "cosine", WarmupEpochs = 1 }.Create(PerEpoch));
        Assert.Throws<LatheException>(() => new ScheduleOptions { Type = "multistep" }.Create(PerEpoch));
        Assert.Throws<LatheException>(() => new ScheduleOptions { Type = "warp" }.Create(PerEpoch));
    }
}
