using Lathe.Data;
using Lathe.Models;
using Lathe.Models.Linear;
using Lathe.Training;

namespace Lathe.Tests.Models.Linear;

public class LogisticRegressionTests
{
    // Eighteen points in three overlapping groups (a, b, c); the first twelve (a and b) make the binary set.
    private static readonly float[] X0 = [0, 1, 0.5f, -0.5f, 1.5f, 2, 2, 3, 2.5f, 1, 3, 0.5f, -1, -2, -1.5f, 0, -0.5f, 1];
    private static readonly float[] X1 = [0, 0.5f, 1, 0.5f, 1.5f, 0, 2, 1.5f, 3, 2, 3, 2.5f, 2, 1.5f, 3, 3, 1, 3.5f];
    private static readonly string[] Labels = [.. "aaaaaabbbbbbcccccc".Select(c => c.ToString())];

    private static TrainingData Points(int rows = 18)
    {
        var classes = rows == 18 ? new[] { "a", "b", "c" } : ["a", "b"];
        return new TrainingData(new Table([new NumericColumn("x0", X0[..rows]), new NumericColumn("x1", X1[..rows]),
            CategoricalColumn.FromStrings("label", Labels[..rows], classes)]), null, "label", TaskKind.Classification);
    }

    private static LogisticModel Fit(TrainingData data, LogisticOptions options, List<string>? log = null, IEnumerable<ICallback>? callbacks = null) =>
        (LogisticModel)new LogisticRegression(options).Fit(data, new FitContext(callbacks: callbacks, log: log is null ? null : log.Add));

    [Theory]
    [InlineData(3, true, 0.7)]
    [InlineData(3, false, 0.0)]
    [InlineData(2, true, 0.0)]
    [InlineData(5, true, 2.5)]
    public void The_gradient_matches_finite_differences(int classes, bool intercept, double l2)
    {
        var random = new Random(11);
        const int rows = 37, width = 9; // odd sizes: the four-row blocks and the SIMD loops both have tails
        float[] x = [.. Enumerable.Range(0, rows * width).Select(_ => (float)(random.NextDouble() * 4 - 2))];
        int[] y = [.. Enumerable.Range(0, rows).Select(r => r % classes)];
        var objective = new LogisticObjective(x, width, y, classes, intercept, l2);
        double[] theta = [.. Enumerable.Range(0, objective.Dimension).Select(_ => random.NextDouble() - 0.5)];
        var gradient = new double[theta.Length];
        objective.Evaluate(theta, gradient);
        var scratch = new double[theta.Length];
        for (var i = 0; i < theta.Length; i++)
        {
            const double h = 1e-5;
            var saved = theta[i];
            theta[i] = saved + h;
            var up = objective.Evaluate(theta, scratch);
            theta[i] = saved - h;
            var down = objective.Evaluate(theta, scratch);
            theta[i] = saved;
            var numeric = (up - down) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-6 * Math.Max(1, Math.Abs(numeric)), $"parameter {i}: analytic {gradient[i]:R}, numeric {numeric:R}");
        }
    }

    [Fact]
    public void Lbfgs_minimizes_the_rosenbrock_function()
    {
        double Rosenbrock(double[] p, double[] g)
        {
            var (a, b) = (p[0], p[1]);
            g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
            g[1] = 200 * (b - a * a);
            return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
        }
        double[] x = [-1.2, 1];
        var result = new Lbfgs { MaxIterations = 500, GradientTolerance = 1e-10, RelativeReduction = 0 }.Minimize(Rosenbrock, x, null, (_, _) => true);
        Assert.True(result.Converged, result.ToString());
        Assert.Equal(1, x[0], 6);
        Assert.Equal(1, x[1], 6);
    }

    /// <summary>
    /// The solver without scipy's relative-reduction stop (which ends a fit once an iteration gains less than 2.2e-9
    /// of the loss, leaving coefficients about 1e-6 from the optimum): row-major coefficients, then intercepts.
    /// </summary>
    private static double[] SolveExactly(int rows, double l1, double l2)
    {
        var classes = rows == 18 ? 3 : 2;
        float[] x = [.. Enumerable.Range(0, rows).SelectMany(r => new[] { X0[r], X1[r] })];
        int[] y = [.. Labels[..rows].Select(l => l[0] - 'a')];
        var objective = new LogisticObjective(x, 2, y, classes, true, l2);
        var theta = new double[objective.Dimension];
        double[]? weights = null;
        if (l1 > 0)
        {
            weights = new double[theta.Length];
            Array.Fill(weights, l1, 0, objective.Outputs * 2);
        }
        var result = new Lbfgs { MaxIterations = 10_000, GradientTolerance = 1e-10, RelativeReduction = 0 }.Minimize(objective.Evaluate, theta, weights, (_, _) => true);
        Assert.True(result.Stop != LbfgsStop.MaxIterations, result.ToString());
        return theta;
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < actual.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"parameter {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }

    // scikit-learn 1.2.1 on the points above; coef_.ravel() then intercept_, printed with repr.
    // LogisticRegression(C=C, solver="newton-cg", tol=1e-10, max_iter=10000): the exact optimum of Σ log loss + ‖W‖²/(2C).
    private static readonly double[] MultinomialC1 = [0.18468852872624827, -1.2284479217210318, 0.8436225922598759, 0.43523825086348006, -1.0283111209861242, 0.7932096708575512,
        2.045506402111471, -1.2836091605084057, -0.761897241603065];
    private static readonly double[] MultinomialC03 = [0.07481979076443704, -0.758135134043695, 0.582112614879595, 0.306204778627629, -0.6569324056440327, 0.45193035541606563,
        1.3228911695799748, -0.9461667867448181, -0.3767243828351514];
    private static readonly double[] BinaryC1 = [0.6195046876305375, 1.408639635110812, -2.8939703172921916]; // X[:12], y[:12]: one vector, for class b
    // LogisticRegression() with its defaults (lbfgs, tol 1e-4), which stops near the optimum (16 and 9 iterations).
    private static readonly double[] MultinomialDefault = [0.1846880389197241, -1.2284487077807666, 0.8436304387508521, 0.43524301804205767, -1.0283184776705756, 0.7932056897387081,
        2.045505729121617, -1.2836311025924139, -0.7618746265292035];
    private static readonly double[] BinaryDefault = [0.6195272201029388, 1.4086388150918994, -2.894009791645971];
    // solver="saga", tol=1e-14, max_iter=1000000 (its objective C·Σ log loss + penalty, divided by C, is the one minimized here):
    // penalty="l1", C=1 on X[:12]; penalty="l1", C=1 on all 18; penalty="elasticnet", l1_ratio=0.5, C=1 on all 18.
    private static readonly double[] BinaryL1 = [0.25749050507846627, 1.92876505207428, -3.163768331171919];
    private static readonly double[] MultinomialL1 = [0.0, -1.9971972750880338, 0.5657397586282442, 0.0, -1.2171929743946046, 0.13681811154696136,
        2.1938677803825186, -1.5573235964418934, -0.6365441839406019];
    private static readonly double[] MultinomialElasticNet = [0.0, -1.5383571302880408, 0.6731240321895601, 0.06938786527019201, -1.182030756304828, 0.468969265018326,
        2.022007116887462, -1.2271739601744052, -0.7948331567131219];

    private static double[] Flat(LogisticModel model) => [.. model.Coefficients.SelectMany(r => r), .. model.Intercepts];

    [Fact]
    public void The_solver_reaches_scikit_learns_optimum()
    {
        AssertClose(MultinomialC1, SolveExactly(18, 0, 1.0), 1e-7);
        AssertClose(MultinomialC03, SolveExactly(18, 0, 1 / 0.3), 1e-7);
        AssertClose(BinaryC1, SolveExactly(12, 0, 1.0), 1e-7);
        AssertClose(BinaryL1, SolveExactly(12, 1.0, 0), 1e-7);
        AssertClose(MultinomialL1, SolveExactly(18, 1.0, 0), 1e-7);
        AssertClose(MultinomialElasticNet, SolveExactly(18, 0.5, 0.5), 1e-7);
    }

    [Fact]
    public void Fitted_coefficients_match_scikit_learn()
    {
        // With scikit-learn's stopping rules (here the relative-reduction one ends both fits) both stop a few 1e-5
        // from the optimum, and within 1e-6 of each other.
        AssertClose(MultinomialDefault, Flat(Fit(Points(), new LogisticOptions())), 1e-6);
        AssertClose(MultinomialC1, Flat(Fit(Points(), new LogisticOptions { Tol = 1e-10 })), 1e-4);
        AssertClose(MultinomialC03, Flat(Fit(Points(), new LogisticOptions { C = 0.3, Tol = 1e-10 })), 1e-4);
        var binary = Fit(Points(12), new LogisticOptions());
        Assert.Equal(["b"], binary.CoefficientClasses);
        AssertClose(BinaryDefault, Flat(binary), 1e-4);
        AssertClose(BinaryC1, Flat(Fit(Points(12), new LogisticOptions { Tol = 1e-10 })), 1e-4);
    }

    [Fact]
    public void L1_and_elastic_net_fits_match_scikit_learn_with_exact_zeros()
    {
        // OWL-QN stops on the pseudo-gradient alone, so a small tol gives the optimum closely.
        AssertClose(BinaryL1, Flat(Fit(Points(12), new LogisticOptions { Penalty = "l1", Tol = 1e-8 })), 1e-6);
        var l1 = Fit(Points(), new LogisticOptions { Penalty = "l1", Tol = 1e-8 });
        AssertClose(MultinomialL1, Flat(l1), 1e-6);
        Assert.Equal(0.0, l1.Coefficients[0][0]); // exact zeros, not small numbers
        Assert.Equal(0.0, l1.Coefficients[1][1]);
        var elastic = Fit(Points(), new LogisticOptions { Penalty = "elastic_net", L1Ratio = 0.5, Tol = 1e-8 });
        AssertClose(MultinomialElasticNet, Flat(elastic), 1e-6);
        AssertClose(MultinomialL1, Flat(Fit(Points(), new LogisticOptions { Penalty = "l1" })), 1e-3); // default tol 1e-4
        Assert.Equal(0.0, elastic.Coefficients[0][0]);
    }

    [Fact]
    public void L1_gives_an_exact_zero_to_a_useless_feature()
    {
        var random = new Random(3);
        const int rows = 300;
        var useful = new float[rows];
        var useless = new float[rows];
        var labels = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            labels[r] = r % 2 == 0 ? "no" : "yes";
            useful[r] = (float)((r % 2 == 0 ? -1 : 1) + 1.5 * (random.NextDouble() * 2 - 1));
            useless[r] = (float)(random.NextDouble() * 2 - 1);
        }
        var data = new TrainingData(new Table([new NumericColumn("useful", useful), new NumericColumn("useless", useless),
            CategoricalColumn.FromStrings("label", labels, ["no", "yes"])]), null, "label", TaskKind.Classification);
        var l1 = Fit(data, new LogisticOptions { Penalty = "l1", C = 0.05 });
        Assert.Equal(0.0, l1.Coefficients[0][1]);
        Assert.True(l1.Coefficients[0][0] > 0.5, $"useful: {l1.Coefficients[0][0]}");
        var l2 = Fit(data, new LogisticOptions { C = 0.05 });
        Assert.NotEqual(0.0, l2.Coefficients[0][1]); // the L2 penalty only shrinks it
    }

    [Fact]
    public void It_reports_train_and_validation_log_loss_every_iteration()
    {
        var history = new History();
        var data = Points() with { Validation = Points().Train.Take([0, 5, 7, 12, 17]) };
        var model = Fit(data, new LogisticOptions { Tol = 1e-8 }, callbacks: [history]);
        var train = history.Series("train_loss");
        Assert.True(train.Count > 5);
        Assert.Equal(Enumerable.Range(1, train.Count), train.Select(s => s.Step));
        Assert.Equal(train.Count, history.Series("val_loss").Count);
        Assert.True(train[^1].Value < train[0].Value);
        var scores = Lathe.Metrics.Scoring.Score(model.Predict(data.Train), data.Train["label"]);
        Assert.Equal(scores["log_loss"], train[^1].Value, 5);
        var validation = Lathe.Metrics.Scoring.Score(model.Predict(data.Validation!), data.Validation!["label"]);
        Assert.Equal(validation["log_loss"], history.Series("val_loss")[^1].Value, 5);
    }

    [Fact]
    public void Early_stopping_stops_the_iterations_and_restores_the_best()
    {
        var history = new History();
        var stopping = new EarlyStopping("train_loss", patience: 1, minDelta: 1.0);
        Fit(Points(), new LogisticOptions { Tol = 1e-10 }, callbacks: [history, stopping]);
        Assert.Equal(2, history.Steps.Count);
    }

    [Fact]
    public void Running_out_of_iterations_is_logged_not_an_error()
    {
        var log = new List<string>();
        var model = Fit(Points(), new LogisticOptions { MaxIter = 2, Tol = 1e-12 }, log);
        Assert.Equal(3, model.Coefficients.Count);
        Assert.Contains(log, line => line.Contains("did not converge in 2 iterations"));
    }

    [Fact]
    public void Save_then_load_gives_identical_coefficients()
    {
        using var dir = new TempDirectory();
        foreach (var rows in new[] { 12, 18 })
        {
            var model = Fit(Points(rows), new LogisticOptions());
            var json = System.Text.Json.Nodes.JsonNode.Parse(model.Save(dir.Path).ToJsonString())!.AsObject();
            var loaded = LogisticModel.Load(json, dir.Path);
            Assert.Equal(model.Coefficients.SelectMany(r => r).Select(BitConverter.DoubleToInt64Bits), loaded.Coefficients.SelectMany(r => r).Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(model.Intercepts.Select(BitConverter.DoubleToInt64Bits), loaded.Intercepts.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(model.Predict(Points(rows).Train).Probabilities, loaded.Predict(Points(rows).Train).Probabilities);
        }
    }

    [Fact]
    public void Every_penalty_gives_the_same_model_twice()
    {
        foreach (var penalty in LogisticOptions.Penalties)
        {
            var first = Fit(Points(), new LogisticOptions { Penalty = penalty, MaxIter = 30 });
            var second = Fit(Points(), new LogisticOptions { Penalty = penalty, MaxIter = 30 });
            Assert.Equal(first.Coefficients.SelectMany(r => r), second.Coefficients.SelectMany(r => r));
        }
    }

    [Fact]
    public void A_regression_target_is_a_clear_error()
    {
        var table = new Table([new NumericColumn("x", [1, 2, 3, 4]), new NumericColumn("y", [0.5f, 1.5f, 2.5f, 3.5f])]);
        var e = Assert.Throws<LatheException>(() => new LogisticRegression().Fit(new TrainingData(table, null, "y", TaskKind.Regression), new FitContext()));
        Assert.Contains("model.type linear", e.Message);
        Assert.Equal(ErrorKind.Config, e.Kind);
    }

    [Fact]
    public void Bad_options_name_the_key()
    {
        Assert.Contains("model.penalty", Assert.Throws<LatheException>(() => new LogisticRegression(new LogisticOptions { Penalty = "l3" })).Message);
        Assert.Contains("model.c", Assert.Throws<LatheException>(() => new LogisticRegression(new LogisticOptions { C = 0 })).Message);
        Assert.Contains("model.l1_ratio", Assert.Throws<LatheException>(() => new LogisticRegression(new LogisticOptions { L1Ratio = -0.1 })).Message);
        Assert.Contains("model.max_iter", Assert.Throws<LatheException>(() => new LogisticRegression(new LogisticOptions { MaxIter = 0 })).Message);
    }
}
