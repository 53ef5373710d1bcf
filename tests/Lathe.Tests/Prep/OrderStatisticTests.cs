using Lathe.Data;
using Lathe.Prep;

namespace Lathe.Tests.Prep;

public class OrderStatisticTests
{
    [Fact]
    public void Select_and_median_agree_with_a_full_sort()
    {
        var random = new Random(9);
        for (var trial = 0; trial < 300; trial++)
        {
            var n = random.Next(1, trial < 250 ? 60 : 5000);
            // few distinct values in some draws (many ties), sorted or reversed input in others
            var values = Enumerable.Range(0, n).Select(_ => trial % 3 == 0 ? random.Next(4) : (float)(random.NextDouble() * 200 - 100)).ToArray();
            if (trial % 7 == 1) Array.Sort(values);
            if (trial % 7 == 2) { Array.Sort(values); Array.Reverse(values); }
            var sorted = values.Order().ToArray();
            var k = random.Next(n);
            Assert.Equal(sorted[k], OrderStatistic.Select(values.ToArray(), k));
            var expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2f;
            Assert.Equal(expected, OrderStatistic.Median(values.ToArray()));
            // quantiles as NumPy interpolates them on the sorted values, several asked of one array
            var shared = values.ToArray();
            foreach (var q in new[] { 0.25, 0.5, 0.75, 0.0, 1.0, random.NextDouble() })
            {
                var position = q * (n - 1);
                var low = (int)Math.Floor(position);
                var high = Math.Min(low + 1, n - 1);
                Assert.Equal((float)(sorted[low] + (position - low) * (sorted[high] - sorted[low])), OrderStatistic.Quantile(shared, q));
            }
        }
        Assert.Equal(0f, OrderStatistic.Median([]));
    }

    [Fact]
    public void The_imputer_fills_with_the_training_median_and_ignores_missing_values()
    {
        var table = new Table([new NumericColumn("a", [5, float.NaN, 1, 3, float.NaN, 100, 2])]);
        var fitted = (FittedImputer)new Imputer().Fit(table);
        Assert.Equal(3f, fitted.NumericFills["a"]); // median of 5, 1, 3, 100, 2
        Assert.Equal(3f, ((NumericColumn)fitted.Transform(table)["a"])[1]);
    }
}
