using Lathe.Diagnosis;

namespace Lathe.Tests.Diagnosis;

public class DataSufficiencyTests
{
    [Fact]
    public void An_exact_power_law_is_extrapolated_to_twice_the_rows_without_spread()
    {
        // error(n) = 0.5 / √n: at 1,600 rows 0.0125, at 800 rows 0.5 / √800.
        int[] rows = [100, 200, 400, 800];
        var estimate = DataSufficiency.Estimate(rows, [.. rows.Select(n => 1 - 0.5 / Math.Sqrt(n))])!;
        Assert.Equal(800, estimate.Rows);
        Assert.Equal(-0.5, estimate.Exponent, 9);
        Assert.Equal(1 - 0.0125, estimate.ScoreAtTwice, 9);
        Assert.Equal(0.5 / Math.Sqrt(800) - 0.0125, estimate.Gain, 9);
        Assert.Equal(estimate.Low, estimate.High, 9);
    }

    [Fact]
    public void Noisy_points_give_a_range_around_the_estimate_and_two_points_give_none()
    {
        int[] rows = [50, 100, 200, 400];
        var estimate = DataSufficiency.Estimate(rows, [0.70, 0.80, 0.83, 0.90])!;
        Assert.True(estimate.Low < estimate.ScoreAtTwice && estimate.ScoreAtTwice < estimate.High);
        Assert.True(estimate.Gain > 0);
        Assert.Null(DataSufficiency.Estimate([50, 100], [0.7, 0.8]));
    }
}

public class DataSufficiencyJudgementTests
{
    private static readonly RunFacts Forest = new("forest", Classes: 3, LearningRate: null, StopReason: null);

    [Fact]
    public void A_curve_still_climbing_steadily_says_more_data_helps()
    {
        // error(n) = 2 / √n: 0.9 at 400 rows, an expected 0.929 at 800.
        int[] rows = [50, 100, 200, 400];
        var finding = TrainingDoctor.JudgeData(DataSufficiency.Estimate(rows, [.. rows.Select(n => 1 - 2 / Math.Sqrt(n))])!, "accuracy", Forest);
        Assert.Equal("more_data_helps", finding.Kind);
        Assert.Contains("at 800 rows", finding.Evidence);
        Assert.Contains("+0.029", finding.Evidence);
        Assert.Contains(finding.Remedies, r => r.What.Contains("400 more labelled rows"));
    }

    [Fact]
    public void A_flat_curve_says_more_data_helps_little_and_points_at_the_model()
    {
        int[] rows = [50, 100, 200, 400];
        var finding = TrainingDoctor.JudgeData(DataSufficiency.Estimate(rows, [0.801, 0.802, 0.801, 0.802])!, "accuracy", Forest);
        Assert.Equal("more_data_helps_little", finding.Kind);
        Assert.Contains(finding.Remedies, r => r.Config.Contains("max_depth"));
    }

    [Fact]
    public void A_noisy_curve_is_undecided()
    {
        int[] rows = [50, 100, 200, 400];
        var finding = TrainingDoctor.JudgeData(DataSufficiency.Estimate(rows, [0.70, 0.86, 0.74, 0.86])!, "accuracy", Forest);
        Assert.Equal("more_data_uncertain", finding.Kind);
        Assert.Contains(finding.Remedies, r => r.Config.Contains("--repeats"));
    }
}
