using Lathe.Data;
using Lathe.Prep;

namespace Lathe.Tests.Prep;

public class TransformTests
{
    [Fact]
    public void Imputer_fills_numbers_with_the_median_and_categories_with_the_mode()
    {
        var table = new Table([
            new NumericColumn("x", [1, float.NaN, 3, 10]),
            CategoricalColumn.FromStrings("c", ["a", "b", "b", null]),
        ]);
        var filled = new Imputer().Fit(table).Transform(table);
        Assert.Equal(3f, ((NumericColumn)filled["x"])[1]);
        Assert.Equal("b", filled["c"].Format(3));
    }

    [Fact]
    public void Scaler_standardizes_numbers_and_vector_elements_and_leaves_constants_finite()
    {
        var table = new Table([
            new NumericColumn("x", [1, 2, 3]),
            new VectorColumn("v", [5, 0, 5, 1, 5, 2], [2]),
        ]);
        var scaled = new StandardScaler().Fit(table).Transform(table);
        var x = ((NumericColumn)scaled["x"]).Values.ToArray();
        Assert.Equal(0, x.Average(), 6);
        Assert.Equal(-Math.Sqrt(1.5), x[0], 5);
        var v = (VectorColumn)scaled["v"];
        Assert.Equal(0f, v.Row(0)[0]); // constant element: centred, scale 1
        Assert.Equal(v.Row(2)[1], -v.Row(0)[1], 5);
    }

    [Fact]
    public void One_hot_makes_a_column_per_training_category_and_zeros_for_unknown_ones()
    {
        var train = new Table([CategoricalColumn.FromStrings("c", ["red", "blue", "red"])]);
        var encoder = new OneHotEncoder().Fit(train);
        var fresh = new Table([CategoricalColumn.FromStrings("c", ["blue", "green"])]);
        var encoded = encoder.Transform(fresh);
        Assert.Equal(["c=red", "c=blue"], encoded.ColumnNames);
        Assert.Equal(1f, ((NumericColumn)encoded["c=blue"])[0]);
        Assert.Equal(0f, ((NumericColumn)encoded["c=red"])[1] + ((NumericColumn)encoded["c=blue"])[1]);
    }

    [Fact]
    public void Fitting_on_training_rows_ignores_validation_rows_entirely()
    {
        // The validation rows are wildly different; a leak would move the fitted statistics.
        var train = new Table([new NumericColumn("x", [1, float.NaN, 3])]);
        var validation = new Table([new NumericColumn("x", [1000, float.NaN, 5000])]);
        var imputer = (FittedImputer)new Imputer().Fit(train);
        var scaler = (FittedStandardScaler)new StandardScaler().Fit(imputer.Transform(train));
        Assert.Equal(2f, imputer.NumericFills["x"]);
        Assert.Equal(2f, scaler.Columns[0].Means[0]);
        Assert.Equal(2f, ((NumericColumn)imputer.Transform(validation)["x"])[1]);
    }

    [Fact]
    public void Fitted_transforms_round_trip_through_json()
    {
        var table = new Table([
            new NumericColumn("x", [1, float.NaN, 4]),
            CategoricalColumn.FromStrings("c", ["a", "b", null]),
        ]);
        IFittedTransform[] fitted = [new Imputer().Fit(table), new OneHotEncoder().Fit(table), new StandardScaler().Fit(table)];
        foreach (var step in fitted)
        {
            var reloaded = TransformFormats.Load(System.Text.Json.Nodes.JsonNode.Parse(step.ToJson().ToJsonString())!.AsObject());
            var a = step.Transform(table);
            var b = reloaded.Transform(table);
            Assert.Equal(a.ColumnNames, b.ColumnNames);
            foreach (var name in a.ColumnNames)
                Assert.Equal(Enumerable.Range(0, 3).Select(a[name].Format), Enumerable.Range(0, 3).Select(b[name].Format));
        }
    }
}
