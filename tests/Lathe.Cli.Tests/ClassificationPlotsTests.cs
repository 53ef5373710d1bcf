using Lathe.Experiments.Plots;

namespace Lathe.Cli.Tests;

public class ClassificationPlotsTests
{
    [Fact]
    public void A_long_curve_is_thinned_to_what_a_picture_can_show_without_moving_it()
    {
        // a ROC-like staircase of 100,000 steps
        var random = new Random(5);
        var n = 100_000;
        double[] x = new double[n], y = new double[n];
        for (var i = 1; i < n; i++)
        {
            var up = random.Next(2) == 0;
            (x[i], y[i]) = (x[i - 1] + (up ? 0 : 2.0 / n), y[i - 1] + (up ? 2.0 / n : 0));
        }
        var (tx, ty) = ClassificationPlots.Thinned(x, y);
        Assert.True(tx.Length < 3_000, $"{tx.Length} points kept");
        Assert.Equal((x[0], y[0], x[^1], y[^1]), (tx[0], ty[0], tx[^1], ty[^1]));
        // every dropped point is within the step of the last point kept before it
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            while (k + 1 < tx.Length && tx[k + 1] <= x[i] && ty[k + 1] <= y[i]) k++;
            Assert.True(Math.Abs(x[i] - tx[k]) < 1e-3 + 1e-12 && Math.Abs(y[i] - ty[k]) < 1e-3 + 1e-12 || i == n - 1, $"point {i} is off the thinned curve");
        }
        var (sx, _) = ClassificationPlots.Thinned([0, 0.5, 1], [0, 0.5, 1]);
        Assert.Equal(3, sx.Length); // short curves are drawn as they are
    }
}
