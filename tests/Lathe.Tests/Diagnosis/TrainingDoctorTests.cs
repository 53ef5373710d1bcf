using Lathe.Diagnosis;
using Lathe.Training;

namespace Lathe.Tests.Diagnosis;

public class TrainingDoctorTests
{
    private static readonly RunFacts Mlp = new("mlp", Classes: 3, LearningRate: 0.01, StopReason: null);

    private static List<StepReport> History(Func<int, double> train, Func<int, double>? validation = null, int steps = 30) =>
    [
        .. Enumerable.Range(1, steps).Select(s =>
        {
            var metrics = new Dictionary<string, double> { ["train_loss"] = train(s) };
            if (validation is not null) metrics["val_loss"] = validation(s);
            return new StepReport(s, steps, metrics);
        }),
    ];

    private static string Kinds(IReadOnlyList<Finding> findings) => string.Join(",", findings.Select(f => f.Kind));

    [Theory]
    [InlineData("cnn", "flip_horizontal")]
    [InlineData("mlp", "gaussian_noise")]
    [InlineData("lstm", "token_dropout")]
    [InlineData("gpt", null)]
    public void Overfitting_networks_are_offered_augmentation_that_suits_their_input(string model, string? expected)
    {
        var findings = TrainingDoctor.Diagnose(History(s => 1.0 / s, s => 0.4 + 0.02 * Math.Abs(s - 10)), Mlp with { ModelType = model });
        Assert.Equal("overfitting", Kinds(findings));
        var augment = findings[0].Remedies.Where(r => r.Config.StartsWith("data.augment:")).ToList();
        if (expected is null) Assert.Empty(augment);
        else Assert.Contains(expected, Assert.Single(augment).Config);
    }

    [Fact]
    public void A_validation_loss_that_turns_up_while_training_falls_is_overfitting()
    {
        // Validation falls to 0.4 at step 10 and climbs back to 0.8; training falls all along.
        var findings = TrainingDoctor.Diagnose(History(s => 1.0 / s, s => 0.4 + 0.02 * Math.Abs(s - 10)), Mlp);
        Assert.Equal("overfitting", Kinds(findings));
        Assert.Contains("lowest at step 10", findings[0].Evidence);
        Assert.Contains(findings[0].Remedies, r => r.Config.Contains("early_stopping"));
    }

    [Fact]
    public void A_wide_final_gap_is_overfitting_even_in_one_step()
    {
        var tree = new RunFacts("tree", 3, null, null);
        var findings = TrainingDoctor.Diagnose(History(_ => 0.0, _ => 1.2, steps: 1), tree);
        Assert.Equal("overfitting", Kinds(findings));
        Assert.Contains(findings[0].Remedies, r => r.Config.Contains("ccp_alpha"));
    }

    [Fact]
    public void Flat_losses_near_guessing_are_underfitting()
    {
        // ln 3 = 1.0986: the model barely beats guessing among three classes, and has stopped improving.
        var findings = TrainingDoctor.Diagnose(History(s => 1.0 + 0.1 / s, s => 1.02 + 0.1 / s), Mlp);
        Assert.Equal("underfitting", Kinds(findings));
        Assert.Contains("guessing among 3 classes", findings[0].Evidence);
    }

    [Fact]
    public void A_loss_that_grows_or_becomes_nan_means_the_rate_is_too_high()
    {
        var growing = TrainingDoctor.Diagnose(History(s => 1.0 + 0.5 * s, s => 1.0 + 0.6 * s), Mlp);
        Assert.Equal("learning_rate_too_high", Kinds(growing));
        Assert.Contains("train.optimizer.lr: 0.001", growing[0].Remedies[0].Config);
        var nan = TrainingDoctor.Diagnose(History(s => s < 5 ? 1.0 / s : double.NaN), Mlp);
        Assert.Equal("learning_rate_too_high", Kinds(nan));
        Assert.Contains("after step 4", nan[0].Evidence);
    }

    [Fact]
    public void A_loss_that_jumps_up_and_down_oscillates()
    {
        var findings = TrainingDoctor.Diagnose(History(s => s % 2 == 0 ? 0.5 : 0.9), Mlp);
        Assert.Equal("learning_rate_too_high", Kinds(findings));
        Assert.Contains("oscillates", findings[0].Evidence);
    }

    [Fact]
    public void Noise_around_a_loss_that_fell_close_to_zero_is_not_a_rate_too_high()
    {
        // Falls from 0.93 to about 0.03 in ten steps, then wobbles ±40 % around it (as the iris example does).
        var findings = TrainingDoctor.Diagnose(History(s => s <= 10 ? 0.93 * Math.Pow(0.7, s) : 0.03 * (s % 2 == 0 ? 1.4 : 0.6), steps: 60), Mlp);
        Assert.DoesNotContain("learning_rate_too_high", Kinds(findings));
    }

    [Fact]
    public void A_validation_loss_doubling_near_zero_is_not_overfitting()
    {
        // Validation falls from 0.67 to 0.0015 and ends at 0.003: twice its best, but nothing against where it started.
        var findings = TrainingDoctor.Diagnose(History(s => 0.9 * Math.Pow(0.9, s), s => s <= 40 ? 0.67 * Math.Pow(0.86, s) : 0.0015 + 0.00005 * (s - 40), steps: 70), Mlp);
        Assert.DoesNotContain("overfitting", Kinds(findings));
    }

    [Fact]
    public void A_slow_steady_fall_means_the_rate_is_too_low()
    {
        var findings = TrainingDoctor.Diagnose(History(s => 1.1 * Math.Pow(0.99, s), s => 1.1 * Math.Pow(0.99, s) + 0.01), Mlp);
        Assert.Equal("learning_rate_too_low", Kinds(findings));
        Assert.Contains("train.optimizer.lr: 0.1", findings[0].Remedies[0].Config);
    }

    [Fact]
    public void A_good_run_gets_no_finding()
    {
        // Fast fall that levels off low, validation close behind.
        Assert.Empty(TrainingDoctor.Diagnose(History(s => 0.05 + Math.Exp(-s / 3.0), s => 0.08 + Math.Exp(-s / 3.0)), Mlp));
    }

    [Fact]
    public void A_tree_that_reproduces_its_training_rows_is_overfitting_without_a_ratio_to_zero()
    {
        var tree = new RunFacts("tree", Classes: 3, LearningRate: null, StopReason: null);
        var findings = TrainingDoctor.Diagnose([new StepReport(1, 1, new Dictionary<string, double> { ["train_loss"] = 0, ["val_loss"] = 1.44 })], tree);
        Assert.Equal("overfitting", Kinds(findings));
        Assert.Contains("training loss is 0 (the model reproduces its training rows exactly)", findings[0].Evidence);
        Assert.DoesNotContain("×", findings[0].Evidence);
    }
}
