using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Prep;

namespace Lathe.Tests.Prep;

public class ScalersAndEncodersTests
{
    private static float[] Values(Table table, string name) => ((NumericColumn)table[name]).Values.ToArray();

    [Fact]
    public void Min_max_maps_the_training_range_onto_zero_to_one_and_keeps_gaps()
    {
        var train = new Table([new NumericColumn("x", [2, 4, float.NaN, 6]), new NumericColumn("k", [5, 5, 5, 5])]);
        var fitted = new MinMaxScaler().Fit(train);
        var scaled = fitted.Transform(train);
        Assert.Equal([0f, 0.5f, float.NaN, 1f], Values(scaled, "x"));
        Assert.Equal([0f, 0f, 0f, 0f], Values(scaled, "k")); // constant: scale 1, no division by zero
        Assert.Equal([2f], Values(fitted.Transform(new Table([new NumericColumn("x", [10])])), "x")); // not clipped
    }

    [Fact]
    public void Robust_scaler_uses_the_median_and_iqr_so_an_extreme_value_barely_matters()
    {
        var train = new Table([new NumericColumn("x", [1, 2, 3, 4, 5, 1000])]);
        var fitted = (FittedCenterScale)new RobustScaler().Fit(train);
        Assert.Equal(3.5f, fitted.Columns[0].Center); // median
        Assert.Equal(2.5f, fitted.Columns[0].Scale);  // Q3 4.75 − Q1 2.25
        Assert.Equal(-1f, Values(fitted.Transform(new Table([new NumericColumn("x", [1])])), "x")[0]);
    }

    [Fact]
    public void Ordinal_encoder_numbers_sorted_or_given_categories_and_gives_unknowns_the_reserved_value()
    {
        var train = new Table([CategoricalColumn.FromStrings("size", ["medium", "small", "large"]), CategoricalColumn.FromStrings("city", ["rome", "oslo", null])]);
        var fitted = new OrdinalEncoder(new OrdinalEncoderOptions
        {
            Categories = new Dictionary<string, IReadOnlyList<string>> { ["size"] = ["small", "medium", "large"] },
        }).Fit(train);
        var encoded = fitted.Transform(train);
        Assert.Equal([1f, 0f, 2f], Values(encoded, "size"));
        Assert.Equal([1f, 0f, -1f], Values(encoded, "city")); // sorted: oslo 0, rome 1; missing → −1
        var fresh = new Table([CategoricalColumn.FromStrings("size", ["huge"]), CategoricalColumn.FromStrings("city", ["lima"])]);
        Assert.Equal([-1f], Values(fitted.Transform(fresh), "size"));
        Assert.Equal([-1f], Values(fitted.Transform(fresh), "city"));
        var e = Assert.Throws<LatheException>(() => new OrdinalEncoder(new OrdinalEncoderOptions
        {
            Categories = new Dictionary<string, IReadOnlyList<string>> { ["size"] = ["small", "large"] },
        }).Fit(train));
        Assert.Contains("'medium'", e.Message);
    }

    [Fact]
    public void Target_encoder_smooths_category_means_toward_the_overall_mean_and_encodes_unknowns_with_it()
    {
        // a: targets 10, 10 (n 2); b: 0, 0, 0, 0, 0, 2 (n 6). Overall mean 22/8 = 2.75.
        var city = CategoricalColumn.FromStrings("city", ["a", "a", "b", "b", "b", "b", "b", "b"]);
        var target = new NumericColumn("y", [10, 10, 0, 0, 0, 0, 0, 2]);
        var encoder = new TargetEncoder(new TargetEncoderOptions { Smoothing = 2, Folds = 1 });
        var fit = encoder.FitTraining(new Table([city]), target);
        var stats = ((FittedTargetEncoder)fit.Fitted).Columns[0];
        Assert.Equal([2.75f], stats.Prior);
        Assert.Equal((20 + 2 * 2.75f) / 4, stats.EncodingOf(0)[0], 5);   // a
        Assert.Equal((2 + 2 * 2.75f) / 8, stats.EncodingOf(1)[0], 5);    // b
        var fresh = fit.Fitted.Transform(new Table([CategoricalColumn.FromStrings("city", ["zurich", null, "a"])]));
        Assert.Equal(2.75f, Values(fresh, "city")[0]);
        Assert.Equal(2.75f, Values(fresh, "city")[1]);
        Assert.Equal((20 + 2 * 2.75f) / 4, Values(fresh, "city")[2], 5);
    }

    [Fact]
    public void Target_encoder_encodes_training_rows_out_of_fold_so_a_unique_category_cannot_reveal_its_target()
    {
        // Every row has its own category: in-sample encoding would copy the target into the feature.
        var rows = 40;
        var random = new Random(1);
        var city = CategoricalColumn.FromStrings("id", [.. Enumerable.Range(0, rows).Select(i => (string?)$"c{i}")]);
        var target = new NumericColumn("y", [.. Enumerable.Range(0, rows).Select(_ => (float)random.NextDouble())]);
        var features = new Table([city]);
        var outOfFold = Values(new TargetEncoder(new TargetEncoderOptions { Smoothing = 1 }).FitTraining(features, target).Train, "id");
        var inSample = Values(new TargetEncoder(new TargetEncoderOptions { Smoothing = 1, Folds = 1 }).FitTraining(features, target).Train, "id");
        double Correlation(float[] a)
        {
            var y = target.Values.ToArray();
            double ma = a.Average(), my = y.Average();
            var cov = a.Zip(y).Sum(p => (p.First - ma) * (p.Second - my));
            return cov / Math.Sqrt(a.Sum(v => (v - ma) * (v - ma)) * y.Sum(v => (v - my) * (v - my)) + 1e-12);
        }
        Assert.True(Correlation(inSample) > 0.99, $"in-sample {Correlation(inSample)}");
        Assert.True(Math.Abs(Correlation(outOfFold)) < 0.5, $"out of fold {Correlation(outOfFold)}");
    }

    [Fact]
    public void Target_encoder_gives_one_column_per_class_for_more_than_two_classes()
    {
        var city = CategoricalColumn.FromStrings("city", ["a", "a", "b", "b"]);
        var target = CategoricalColumn.FromStrings("y", ["x", "y", "z", "z"]);
        var fit = new TargetEncoder(new TargetEncoderOptions { Smoothing = 0, Folds = 1 }).FitTraining(new Table([city]), target);
        Assert.Equal(["city:x", "city:y", "city:z"], fit.Train.ColumnNames);
        Assert.Equal([0f, 0f, 1f, 1f], Values(fit.Train, "city:z"));
        var binary = new TargetEncoder(new TargetEncoderOptions { Smoothing = 0, Folds = 1 })
            .FitTraining(new Table([city]), CategoricalColumn.FromStrings("y", ["no", "yes", "yes", "yes"]));
        Assert.Equal([0.5f, 0.5f, 1f, 1f], Values(binary.Train, "city"));
    }

    [Fact]
    public void New_fitted_transforms_round_trip_through_json()
    {
        var table = new Table([
            new NumericColumn("x", [1, float.NaN, 4, 7, 100]),
            CategoricalColumn.FromStrings("c", ["a", "b", null, "a", "b"]),
        ]);
        var target = CategoricalColumn.FromStrings("y", ["p", "q", "r", "p", "q"]);
        IFittedTransform[] fitted =
        [
            new MinMaxScaler().Fit(table), new RobustScaler().Fit(table), new OrdinalEncoder().Fit(table),
            new TargetEncoder(new TargetEncoderOptions { Folds = 2 }).FitTraining(table, target).Fitted,
            new OutlierClipper().Fit(table), new OutlierFilter().Fit(table), new MissingIndicator().Fit(table),
            new Imputer(ImputeStrategy.Constant, -5, "none").Fit(table),
        ];
        foreach (var step in fitted)
        {
            var reloaded = TransformFormats.Load(JsonNode.Parse(step.ToJson().ToJsonString())!.AsObject());
            Assert.Equal(step.Type, reloaded.Type);
            var a = step.Transform(table);
            var b = reloaded.Transform(table);
            Assert.Equal(a.ColumnNames, b.ColumnNames);
            foreach (var name in a.ColumnNames)
                Assert.Equal(Enumerable.Range(0, 5).Select(a[name].Format), Enumerable.Range(0, 5).Select(b[name].Format));
        }
    }
}
