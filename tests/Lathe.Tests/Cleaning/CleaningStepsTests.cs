using Lathe.Cleaning;
using Lathe.Data;
using Lathe.Prep;

namespace Lathe.Tests.Cleaning;

public class CleaningStepsTests
{
    private static float[] Values(Table table, string name) => ((NumericColumn)table[name]).Values.ToArray();

    [Fact]
    public void Imputer_fills_with_the_most_frequent_value_or_a_constant()
    {
        var table = new Table([new NumericColumn("x", [3, 1, 3, float.NaN, 1, 2]), CategoricalColumn.FromStrings("c", ["a", null, "b", "b", null, "a"])]);
        Assert.Equal(1f, Values(new Imputer(ImputeStrategy.MostFrequent).Fit(table).Transform(table), "x")[3]); // 1 and 3 tie: the smaller
        var constant = new Imputer(ImputeStrategy.Constant, fillValue: -7, fillCategory: "unknown").Fit(table).Transform(table);
        Assert.Equal(-7f, Values(constant, "x")[3]);
        Assert.Equal("unknown", constant["c"].Format(1));
    }

    [Fact]
    public void Missing_indicator_flags_gaps_of_columns_that_had_gaps_in_training()
    {
        var train = new Table([new NumericColumn("x", [1, float.NaN]), new NumericColumn("full", [1, 2]), CategoricalColumn.FromStrings("c", [null, "a"])]);
        var fitted = new MissingIndicator().Fit(train);
        var fresh = new Table([new NumericColumn("x", [float.NaN, 5]), new NumericColumn("full", [float.NaN, 1]), CategoricalColumn.FromStrings("c", ["a", "b"])]);
        var flagged = fitted.Transform(fresh);
        Assert.Equal(["x", "full", "c", "x_missing", "c_missing"], flagged.ColumnNames);
        Assert.Equal([1f, 0f], Values(flagged, "x_missing"));
        Assert.Equal([0f, 0f], Values(flagged, "c_missing"));
    }

    [Fact]
    public void Outlier_bounds_come_from_iqr_or_z_scores_and_skip_flags_and_constant_columns()
    {
        float[] x = [1, 2, 3, 4, 5, 6, 7, 8, 100];
        var table = new Table([
            new NumericColumn("x", x),
            new NumericColumn("flag", [0, 0, 0, 0, 0, 0, 0, 0, 1]),
            new NumericColumn("same", [2, 2, 2, 2, 2, 2, 2, 2, 2]),
        ]);
        var iqr = Assert.Single(OutlierBounds.Fit(table, iqr: true, k: 1.5));
        Assert.Equal("x", iqr.Name);
        Assert.Equal(3 - 1.5f * 4, iqr.Lower); // Q1 3, Q3 7
        Assert.Equal(7 + 1.5f * 4, iqr.Upper);
        var z = Assert.Single(OutlierBounds.Fit(table, iqr: false, k: 2));
        var mean = x.Average();
        var std = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Length);
        Assert.Equal(mean + 2 * std, z.Upper, 3);

        var clipped = new OutlierClipper(iqr: true, threshold: 1.5).Fit(table).Transform(table);
        Assert.Equal(13f, Values(clipped, "x")[8]);
        Assert.Equal(1f, Values(clipped, "flag")[8]); // a flag is never clipped
    }

    [Fact]
    public void Outlier_filter_leaves_training_rows_out_but_never_drops_new_rows()
    {
        var features = new Table([new NumericColumn("x", [1, 2, 3, 4, 5, 6, 7, 8, 100])]);
        var target = new NumericColumn("y", [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var fit = new OutlierFilter().FitTraining(features, target);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], fit.KeptRows!);
        Assert.Equal(8, fit.Train.RowCount);
        Assert.Equal(9, fit.Fitted.Transform(features).RowCount);
        Assert.Equal(OutlierFilter.TypeName, fit.Fitted.Type);
    }

    [Fact]
    public void Training_steps_follow_the_options_in_a_fixed_order()
    {
        Assert.Equal(["imputer"], new CleaningOptions().TrainingSteps().Select(s => s.Type));
        Assert.Equal(["outlier_filter", "missing_indicator", "imputer"],
            new CleaningOptions { Outliers = OutlierPolicy.ZScoreDrop, Missing = MissingPolicy.Indicator }.TrainingSteps().Select(s => s.Type));
        Assert.Equal(["outlier_clipper"], new CleaningOptions { Outliers = OutlierPolicy.IqrClip, Missing = MissingPolicy.None }.TrainingSteps().Select(s => s.Type));
        Assert.Equal(3.0, new CleaningOptions { Outliers = OutlierPolicy.ZScoreClip }.Threshold);
        Assert.Equal(1.5, new CleaningOptions { Outliers = OutlierPolicy.IqrDrop }.Threshold);
    }
}
