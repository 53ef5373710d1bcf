using Lathe.Data;
using Lathe.Synthetic;

namespace Lathe.Tests.Synthetic;

public class GaussianCopulaTests
{
    /// <summary>x ~ N(10, 2²) and y ~ N(0, 1) with correlation <paramref name="rho"/>.</summary>
    private static Table Correlated(int rows, double rho, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows];
        var y = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var a = StandardNormal.Sample(random);
            var b = rho * a + Math.Sqrt(1 - rho * rho) * StandardNormal.Sample(random);
            x[r] = (float)(10 + 2 * a);
            y[r] = (float)b;
        }
        return new Table([new NumericColumn("x", x), new NumericColumn("y", y)]);
    }

    private static double Pearson(Table t, string a, string b)
    {
        var x = ((NumericColumn)t[a]).Values.ToArray().Select(v => (double)v).ToArray();
        var y = ((NumericColumn)t[b]).Values.ToArray().Select(v => (double)v).ToArray();
        var (mx, my) = (x.Average(), y.Average());
        var cov = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return cov / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }

    [Fact]
    public void The_normal_cdf_and_quantile_are_inverse_and_match_known_values()
    {
        Assert.Equal(0.975, StandardNormal.Cdf(1.959964), 6);
        Assert.Equal(0.5, StandardNormal.Cdf(0), 7);
        foreach (var p in new[] { 1e-6, 0.01, 0.3, 0.5, 0.8, 0.999 })
            Assert.Equal(p, StandardNormal.Cdf(StandardNormal.Quantile(p)), 6);
    }

    [Fact]
    public void A_correlation_of_0_8_and_the_marginals_are_reproduced()
    {
        var real = Correlated(20_000, 0.8, seed: 1);
        var synthetic = new GaussianCopulaSynthesizer().Fit(real, seed: 1).Sample(20_000, seed: 2);
        Assert.Equal(["x", "y"], synthetic.ColumnNames);
        Assert.InRange(Pearson(real, "x", "y"), 0.79, 0.81);
        Assert.InRange(Pearson(synthetic, "x", "y"), 0.75, 0.85);
        var report = Fidelity.Compare(real, synthetic);
        Assert.All(report.Columns, c => Assert.True(c.Distance < 0.02, $"{c.Column}: KS {c.Distance}"));
        Assert.True(report.MaxAssociationDifference < 0.05, report.ToText());
        var x = ((NumericColumn)synthetic["x"]).Values.ToArray();
        var realX = ((NumericColumn)real["x"]).Values.ToArray();
        Assert.InRange(x.Min(), realX.Min(), realX.Max()); // never beyond what was seen
        Assert.InRange(x.Max(), realX.Min(), realX.Max());
    }

    [Fact]
    public void Category_shares_missing_values_and_whole_numbers_are_kept()
    {
        var random = new Random(3);
        var rows = 10_000;
        var colour = new string?[rows];
        var count = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var u = random.NextDouble();
            colour[r] = u < 0.05 ? null : u < 0.6 ? "red" : u < 0.9 ? "green" : "blue";
            count[r] = random.NextDouble() < 0.1 ? float.NaN : (colour[r] == "red" ? 10 : 0) + random.Next(5); // related to colour
        }
        var real = new Table([CategoricalColumn.FromStrings("colour", colour), new NumericColumn("count", count)]);
        var synthetic = new GaussianCopulaSynthesizer().Fit(real, 4).Sample(rows, 5);
        var report = Fidelity.Compare(real, synthetic);
        var colourFidelity = report.Columns.Single(c => c.Column == "colour");
        Assert.Equal("tvd", colourFidelity.Measure);
        Assert.True(colourFidelity.Distance < 0.02, report.ToText());
        Assert.InRange(colourFidelity.SyntheticMissing - colourFidelity.RealMissing, -0.015, 0.015);
        var countFidelity = report.Columns.Single(c => c.Column == "count");
        Assert.InRange(countFidelity.SyntheticMissing - countFidelity.RealMissing, -0.015, 0.015);
        Assert.All(((NumericColumn)synthetic["count"]).Values.ToArray().Where(v => !float.IsNaN(v)), v => Assert.Equal(Math.Round(v), v));
        var realEta = Association.Of(real["colour"], real["count"]);
        var syntheticEta = Association.Of(synthetic["colour"], synthetic["count"]);
        // A sharp category–number relation is kept only in part by one copula (the documented limit), fully per class.
        Assert.InRange(syntheticEta, 0.4, realEta);
        var perClass = new GaussianCopulaSynthesizer(new() { Target = "colour" }).Fit(real, 4).Sample(rows, 5);
        Assert.InRange(Association.Of(perClass["colour"], perClass["count"]), realEta - 0.02, realEta + 0.02);
        Assert.True(Fidelity.Compare(real, perClass).Columns.All(c => c.Distance < 0.03));
    }

    [Fact]
    public void Samples_keep_the_decimals_a_column_is_written_with()
    {
        var random = new Random(1);
        float[] Values(int decimals) => [.. Enumerable.Range(0, 500).Select(_ => (float)Math.Round(100 * random.NextDouble(), decimals))];
        var real = new Table([new NumericColumn("one", Values(1)), new NumericColumn("three", Values(3)), new NumericColumn("raw", [.. Enumerable.Range(0, 500).Select(_ => (float)random.NextDouble())])]);
        var synthetic = new GaussianCopulaSynthesizer().Fit(real).Sample(500);
        static int MostDecimals(Column c) => Enumerable.Range(0, c.Length).Max(r => c.Format(r).Split('.') is [_, var fraction] ? fraction.Length : 0);
        Assert.Equal(1, MostDecimals(synthetic["one"]));
        Assert.Equal(3, MostDecimals(synthetic["three"]));
        Assert.True(MostDecimals(synthetic["raw"]) > 6);
    }

    [Fact]
    public void The_same_seeds_give_the_same_rows()
    {
        var real = Correlated(500, 0.5, seed: 1);
        var model = new GaussianCopulaSynthesizer().Fit(real, 1);
        Assert.Equal(GeneratorsTests.Csv(model.Sample(100, 7)), GeneratorsTests.Csv(new GaussianCopulaSynthesizer().Fit(real, 1).Sample(100, 7)));
        Assert.NotEqual(GeneratorsTests.Csv(model.Sample(100, 7)), GeneratorsTests.Csv(model.Sample(100, 8)));
    }

    [Fact]
    public void Fidelity_is_near_zero_for_two_halves_of_one_table_and_large_for_a_mismatch()
    {
        var table = Correlated(4_000, 0.8, seed: 9).With(CategoricalColumn.FromStrings("g", [.. Enumerable.Range(0, 4_000).Select(r => r % 3 == 0 ? "a" : "b")]));
        var first = table.Take([.. Enumerable.Range(0, 2_000)]);
        var second = table.Take([.. Enumerable.Range(2_000, 2_000)]);
        var same = Fidelity.Compare(first, second);
        Assert.All(same.Columns, c => Assert.True(c.Distance < 0.05, same.ToText()));
        Assert.True(same.MaxAssociationDifference < 0.05, same.ToText());

        // x replaced by shuffled y values (another distribution, unrelated to y), g flipped.
        var order = Enumerable.Range(0, 2_000).ToArray();
        new Random(1).Shuffle(order);
        var mismatch = new Table([second["y"].Take(order).Rename("x"), second["y"], CategoricalColumn.FromStrings("g", [.. Enumerable.Range(0, 2_000).Select(r => r % 3 == 0 ? "b" : "a")])]);
        var far = Fidelity.Compare(first, mismatch);
        Assert.True(far.Columns.Single(c => c.Column == "x").Distance > 0.9, far.ToText());
        Assert.True(far.Columns.Single(c => c.Column == "g").Distance > 0.3, far.ToText());
        Assert.True(far.MaxAssociationDifference > 0.7, far.ToText());
    }

    [Fact]
    public void Fitting_per_class_keeps_relations_that_differ_between_classes()
    {
        // Class a: y rises with x; class b: y falls with x. Pooled, x and y look unrelated.
        var random = new Random(2);
        var rows = 6_000;
        var x = new float[rows];
        var y = new float[rows];
        var label = new string[rows];
        for (var r = 0; r < rows; r++)
        {
            label[r] = r % 2 == 0 ? "a" : "b";
            x[r] = (float)StandardNormal.Sample(random);
            y[r] = (float)((label[r] == "a" ? 1 : -1) * x[r] + 0.3 * StandardNormal.Sample(random));
        }
        var real = new Table([new NumericColumn("x", x), new NumericColumn("y", y), CategoricalColumn.FromStrings("label", label)]);
        double WithinClass(Table t, string c) => Pearson(t.Take([.. Enumerable.Range(0, t.RowCount).Where(r => t["label"].Format(r) == c)]), "x", "y");

        var pooled = new GaussianCopulaSynthesizer().Fit(real, 1).Sample(rows, 1);
        Assert.InRange(WithinClass(pooled, "a"), -0.2, 0.2); // the documented limit
        var perClass = new GaussianCopulaSynthesizer(new() { Target = "label" }).Fit(real, 1).Sample(rows, 1);
        Assert.Equal(["x", "y", "label"], perClass.ColumnNames);
        Assert.True(WithinClass(perClass, "a") > 0.9);
        Assert.True(WithinClass(perClass, "b") < -0.9);
        Assert.Equal(rows / 2, Enumerable.Range(0, rows).Count(r => perClass["label"].Format(r) == "a"));
    }

    [Fact]
    public void Text_columns_are_refused_with_the_column_named()
    {
        var table = new Table([new NumericColumn("x", [1, 2, 3]), new TextColumn("review", ["good", "bad", "ok"])], source: "reviews.csv");
        var e = Assert.Throws<LatheException>(() => new GaussianCopulaSynthesizer().Fit(table));
        Assert.StartsWith("reviews.csv: column 'review' is text", e.Message);
    }
}
