using Lathe.Data;
using Lathe.Models;
using Lathe.Models.Linear;
using Lathe.Training;

namespace Lathe.Tests.Models.Linear;

public class LinearRegressorTests
{
    // Twelve rows, three features, y = 1 + 3·x0 − 2·x1 + 0.5·x2 + noise; every value is exact in float32, so
    // scikit-learn (float64) and Lathe (float32 columns, double solves) see the same numbers.
    private static readonly float[] X0 = [0.5f, 1.0f, 1.5f, 2.0f, 2.5f, 3.0f, 3.5f, 4.0f, 4.5f, 5.0f, 5.5f, 6.0f];
    private static readonly float[] X1 = [2, -1, 0.5f, 3, -2, 1, 0, -1.5f, 2.5f, -0.5f, 1.5f, -3];
    private static readonly float[] X2 = [1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0];
    private static readonly float[] Y = [-0.75f, 6, 4.625f, 1.375f, 12.75f, 9, 11.375f, 16, 10.25f, 17.125f, 14.625f, 24.75f];

    private static TrainingData Noisy() => Data(new Table([new NumericColumn("x0", X0), new NumericColumn("x1", X1), new NumericColumn("x2", X2), new NumericColumn("y", Y)]));

    private static TrainingData Data(Table train, Table? validation = null) => new(train, validation, "y", TaskKind.Regression);

    private static LinearModel Fit(TrainingData data, LinearOptions options, List<string>? log = null, IEnumerable<ICallback>? callbacks = null) =>
        (LinearModel)new LinearRegressor(options).Fit(data, new FitContext(callbacks: callbacks, log: log is null ? null : log.Add));

    private static void AssertCoefficients(double[] expected, double expectedIntercept, LinearModel model, double tolerance)
    {
        Assert.Equal(expected.Length, model.Coefficients.Count);
        for (var j = 0; j < expected.Length; j++)
            Assert.True(Math.Abs(expected[j] - model.Coefficients[j]) <= tolerance, $"coefficient {j}: expected {expected[j]:R}, got {model.Coefficients[j]:R}");
        Assert.True(Math.Abs(expectedIntercept - model.Intercept) <= tolerance, $"intercept: expected {expectedIntercept:R}, got {model.Intercept:R}");
    }

    [Fact]
    public void Least_squares_recovers_the_coefficients_of_exactly_linear_data()
    {
        // y = 2 + 3·a − 1.5·b + 0.25·c on whole-number inputs: every y is exact in float32.
        var random = new Random(5);
        float[] a = [.. Enumerable.Range(0, 40).Select(_ => (float)random.Next(-5, 6))];
        float[] b = [.. Enumerable.Range(0, 40).Select(_ => (float)random.Next(-5, 6))];
        float[] c = [.. Enumerable.Range(0, 40).Select(_ => (float)random.Next(-5, 6))];
        float[] y = [.. Enumerable.Range(0, 40).Select(i => 2 + 3 * a[i] - 1.5f * b[i] + 0.25f * c[i])];
        var table = new Table([new NumericColumn("a", a), new NumericColumn("b", b), new NumericColumn("c", c), new NumericColumn("y", y)]);
        AssertCoefficients([3, -1.5, 0.25], 2, Fit(Data(table), new LinearOptions()), 1e-10);
    }

    [Fact]
    public void Least_squares_and_ridge_match_scikit_learn()
    {
        // scikit-learn 1.2.1: LinearRegression().fit(X, y) and Ridge(alpha=1.0).fit(X, y) on the rows above.
        AssertCoefficients([3.0027019143848266, -1.8706766030022755, 0.4078710651353961], 1.020757537973756,
            Fit(Noisy(), new LinearOptions()), 1e-10);
        AssertCoefficients([2.914576903786804, -1.8433347077049946, 0.2346829355347892], 1.3880616590307007,
            Fit(Noisy(), new LinearOptions { Penalty = "l2", Alpha = 1.0 }), 1e-10);
    }

    [Fact]
    public void Ridge_equals_the_closed_form_worked_by_hand()
    {
        // Rows (1, 0), (0, 1), (1, 1) with y = 1, 2, 4 and alpha = 1. Centred: x̄ = (2/3, 2/3), ȳ = 7/3,
        // XcᵀXc = [[2/3, −1/3], [−1/3, 2/3]], Xcᵀyc = (1/3, 4/3). (XcᵀXc + I)⁻¹ = [[5/8, 1/8], [1/8, 5/8]], so
        // w = (5/24 + 4/24, 1/24 + 20/24) = (3/8, 7/8) and b = ȳ − x̄ᵀw = 7/3 − (2/3)(10/8) = 3/2.
        var table = new Table([new NumericColumn("a", [1, 0, 1]), new NumericColumn("b", [0, 1, 1]), new NumericColumn("y", [1, 2, 4])]);
        AssertCoefficients([3.0 / 8, 7.0 / 8], 1.5, Fit(Data(table), new LinearOptions { Penalty = "l2", Alpha = 1 }), 1e-12);

        // Without an intercept: (XᵀX + I)w = Xᵀy with XᵀX = [[2, 1], [1, 2]], Xᵀy = (5, 6): [[3, 1], [1, 3]]w = (5, 6), w = (9/8, 13/8).
        AssertCoefficients([9.0 / 8, 13.0 / 8], 0, Fit(Data(table), new LinearOptions { Penalty = "l2", Alpha = 1, FitIntercept = false }), 1e-12);
    }

    [Fact]
    public void Collinear_columns_give_the_minimum_norm_solution_and_say_so()
    {
        // A duplicated column: every split w₀ + w₁ = 3 fits exactly; the minimum-norm one is 1.5 each
        // (what scikit-learn's LinearRegression gives). A constant column gets 0.
        var x = Enumerable.Range(0, 10).Select(i => (float)i).ToArray();
        var table = new Table([new NumericColumn("x", x), new NumericColumn("copy", x), new NumericColumn("constant", [.. x.Select(_ => 4f)]),
            new NumericColumn("y", [.. x.Select(v => 1 + 3 * v)])]);
        var log = new List<string>();
        var model = Fit(Data(table), new LinearOptions(), log);
        AssertCoefficients([1.5, 1.5, 0], 1, model, 1e-12);
        Assert.Contains(log, line => line.Contains("2 columns are") && line.Contains("'copy'") && line.Contains("'constant'") && line.Contains("minimum-norm"));
    }

    [Fact]
    public void A_column_that_is_the_sum_of_two_others_gives_scikit_learns_answer()
    {
        // scikit-learn 1.2.1: LinearRegression().fit(np.column_stack([x0, x1, x2, x0 + x1]), y) (scipy's lstsq: the minimum-norm solution).
        var data = Noisy();
        var table = data.Train.With(new NumericColumn("sum", [.. X0.Zip(X1, (a, b) => a + b)]));
        var log = new List<string>();
        AssertCoefficients([2.625360143923977, -2.248018373463124, 0.40787106513539606, 0.37734177046084966], 1.0207575379737577,
            Fit(data with { Train = table }, new LinearOptions(), log), 1e-9);
        Assert.Contains(log, line => line.Contains("1 column is") && line.Contains("'sum'"));
    }

    [Fact]
    public void Lasso_with_a_large_alpha_zeroes_every_coefficient()
    {
        // Any alpha ≥ max|Xcᵀyc|/n keeps w = 0; the intercept is then the mean target.
        var model = Fit(Noisy(), new LinearOptions { Penalty = "l1", Alpha = 100 });
        Assert.All(model.Coefficients, w => Assert.Equal(0.0, w));
        Assert.Equal(Y.Average(v => (double)v), model.Intercept, 12);
    }

    [Fact]
    public void Lasso_with_alpha_near_zero_approaches_least_squares()
    {
        var ols = Fit(Noisy(), new LinearOptions());
        var lasso = Fit(Noisy(), new LinearOptions { Penalty = "l1", Alpha = 1e-6, Tol = 1e-12, MaxIter = 100_000 });
        AssertCoefficients([.. ols.Coefficients], ols.Intercept, lasso, 1e-4);
    }

    [Fact]
    public void Lasso_and_elastic_net_match_scikit_learn()
    {
        // scikit-learn 1.2.1 with its defaults (tol 1e-4, max_iter 1000, cyclic), on the rows above:
        //   Lasso(alpha=0.1), Lasso(alpha=0.5), ElasticNet(alpha=0.3, l1_ratio=0.5),
        //   ElasticNet(alpha=0.3, l1_ratio=0.2, fit_intercept=False); coef_ and intercept_ printed with repr.
        // The same algorithm takes the same steps (5 or 6 sweeps), so they agree far beyond the tolerance.
        AssertCoefficients([2.9414523830544095, -1.8482015671000018, 0], 1.419071748219002,
            Fit(Noisy(), new LinearOptions { Penalty = "l1", Alpha = 0.1 }), 1e-9);
        AssertCoefficients([2.8348637916860957, -1.752817553383714, 0], 1.7456130006417965,
            Fit(Noisy(), new LinearOptions { Penalty = "l1", Alpha = 0.5 }), 1e-9);
        AssertCoefficients([2.8013216610782603, -1.7871860865544498, 0], 1.8617850361944974,
            Fit(Noisy(), new LinearOptions { Penalty = "elastic_net", Alpha = 0.3, L1Ratio = 0.5 }), 1e-9);
        AssertCoefficients([3.1796590881210682, -1.6604314957786919, 0.5080504546801533], 0,
            Fit(Noisy(), new LinearOptions { Penalty = "elastic_net", Alpha = 0.3, L1Ratio = 0.2, FitIntercept = false }), 1e-9);
        // Lasso(alpha=0.1, tol=1e-12, max_iter=100000): the exact optimum.
        AssertCoefficients([2.9414292123832753, -1.848207774197487, 0], 1.4191483460454979,
            Fit(Noisy(), new LinearOptions { Penalty = "l1", Alpha = 0.1, Tol = 1e-12, MaxIter = 100_000 }), 1e-9);
    }

    [Fact]
    public void Coordinate_descent_reports_train_and_validation_loss_every_sweep()
    {
        var data = Noisy();
        var validation = data.Train.Take([0, 3, 6, 9]);
        var history = new History();
        var model = Fit(data with { Validation = validation }, new LinearOptions { Penalty = "l1", Alpha = 0.1, Tol = 1e-12, MaxIter = 100_000 }, callbacks: [history]);
        var train = history.Series("train_loss");
        Assert.True(train.Count > 3);
        Assert.Equal(Enumerable.Range(1, train.Count), train.Select(s => s.Step));
        Assert.Equal(train.Count, history.Series("val_loss").Count);
        var predicted = model.Predict(data.Train).Values!;
        var mse = Enumerable.Range(0, Y.Length).Average(i => Math.Pow(predicted[i] - Y[i], 2));
        Assert.Equal(mse, train[^1].Value, 4);
    }

    [Fact]
    public void Closed_forms_report_once()
    {
        var history = new History();
        Fit(Noisy() with { Validation = Noisy().Train }, new LinearOptions { Penalty = "l2" }, callbacks: [history]);
        Assert.Single(history.Steps);
        Assert.Contains("val_loss", history.Steps[0].Metrics.Keys);
    }

    [Fact]
    public void Running_out_of_sweeps_is_logged_not_an_error()
    {
        var log = new List<string>();
        var model = Fit(Noisy(), new LinearOptions { Penalty = "l1", Alpha = 0.01, MaxIter = 1, Tol = 1e-12 }, log);
        Assert.Equal(3, model.Coefficients.Count);
        Assert.Contains(log, line => line.Contains("did not converge in 1 sweeps"));
    }

    [Fact]
    public void Save_then_load_gives_identical_coefficients_and_predictions()
    {
        using var dir = new TempDirectory();
        foreach (var penalty in LinearOptions.Penalties)
        {
            var model = Fit(Noisy(), new LinearOptions { Penalty = penalty, Alpha = 0.1 });
            var json = model.Save(dir.Path);
            var loaded = LinearModel.Load(System.Text.Json.Nodes.JsonNode.Parse(json.ToJsonString())!.AsObject(), dir.Path);
            Assert.Equal(model.Coefficients.Select(BitConverter.DoubleToInt64Bits), loaded.Coefficients.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(BitConverter.DoubleToInt64Bits(model.Intercept), BitConverter.DoubleToInt64Bits(loaded.Intercept));
            Assert.Equal(model.Predict(Noisy().Train).Values, loaded.Predict(Noisy().Train).Values);
        }
    }

    [Fact]
    public void Pipeline_model_folder_round_trip_predicts_identically()
    {
        using var dir = new TempDirectory();
        var model = (PipelineModel)new Pipeline([new Lathe.Prep.StandardScaler()], new LinearRegressor(new LinearOptions { Penalty = "elastic_net", Alpha = 0.05 }))
            .Fit(Noisy(), new FitContext());
        ModelFolder.Save(model, dir.Path);
        var catalog = new ModelCatalog().Register(LinearRegressor.TypeName, LinearModel.Load);
        Assert.Equal(model.Predict(Noisy().Train).Values, ModelFolder.Load(dir.Path, catalog).Predict(Noisy().Train).Values);
    }

    [Fact]
    public void The_same_data_gives_the_same_model_twice()
    {
        foreach (var penalty in LinearOptions.Penalties)
        {
            var first = Fit(Noisy(), new LinearOptions { Penalty = penalty, Alpha = 0.1 });
            var second = Fit(Noisy(), new LinearOptions { Penalty = penalty, Alpha = 0.1 });
            Assert.Equal(first.Coefficients, second.Coefficients);
            Assert.Equal(first.Intercept, second.Intercept);
        }
    }

    [Fact]
    public void A_classification_target_is_a_clear_error()
    {
        var table = new Table([new NumericColumn("x", [1, 2, 3, 4]), CategoricalColumn.FromStrings("y", ["a", "b", "a", "b"], ["a", "b"])]);
        var e = Assert.Throws<LatheException>(() => new LinearRegressor().Fit(new TrainingData(table, null, "y", TaskKind.Classification), new FitContext()));
        Assert.Contains("model.type logistic", e.Message);
        Assert.Equal(ErrorKind.Config, e.Kind);
    }

    [Fact]
    public void Bad_options_name_the_key()
    {
        Assert.Contains("model.penalty", Assert.Throws<LatheException>(() => new LinearRegressor(new LinearOptions { Penalty = "ridge" })).Message);
        Assert.Contains("model.alpha", Assert.Throws<LatheException>(() => new LinearRegressor(new LinearOptions { Alpha = -1 })).Message);
        Assert.Contains("model.l1_ratio", Assert.Throws<LatheException>(() => new LinearRegressor(new LinearOptions { L1Ratio = 2 })).Message);
        Assert.Contains("model.max_iter", Assert.Throws<LatheException>(() => new LinearRegressor(new LinearOptions { MaxIter = 0 })).Message);
        Assert.Contains("model.tol", Assert.Throws<LatheException>(() => new LinearRegressor(new LinearOptions { Tol = 0 })).Message);
    }

    [Fact]
    public void Gaps_in_the_inputs_are_a_clear_error()
    {
        var data = Noisy();
        var gappy = data.Train.With(new NumericColumn("x1", [.. X1.Select((v, i) => i == 4 ? float.NaN : v)]));
        var e = Assert.Throws<LatheException>(() => new LinearRegressor().Fit(data with { Train = gappy }, new FitContext()));
        Assert.Contains("missing value in row 5", e.Message);
    }
}
