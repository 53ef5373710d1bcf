using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Models.Svm;
using Lathe.Training;

namespace Lathe.Tests.Models.Svm;

public class SvmClassifierTests
{
    [Fact]
    public void A_separable_toy_set_gets_the_maximum_margin_hyperplane()
    {
        // Class a at (−1, 0) and (−2, 1), class b at (1, 0) and (2, −1): the widest gap is the line x₁ = 0,
        // touched by (−1, 0) and (1, 0) at margin 1, so f(x) = −x₁ (positive for a, the first class) and
        // α = ½ for both touching points (w = Σ yα x = −(α₁ + α₂)·e₁ must be −e₁); the other two lie beyond it.
        var table = Points([(-1, 0, "a"), (-2, 1, "a"), (1, 0, "b"), (2, -1, "b")]);
        var model = Fit(new SvmOptions { Kernel = "linear", C = 10, Probability = false }, table);

        Assert.Equal(2, model.SupportVectorCount);
        Assert.Equal([-1f, 0f], model.SupportVector(0).ToArray());
        Assert.Equal([1f, 0f], model.SupportVector(1).ToArray());
        Assert.Equal([0.5, -0.5], model.DualCoefficients.ToArray().Select(v => Math.Round(v, 6)));
        var f = model.DecisionValues(Points([(0, 0, "a"), (1, 0, "a"), (0, 1, "a"), (-3, 7, "a")]).Without("label"));
        Assert.Equal(0, f[0], 6);           // b = 0
        Assert.Equal(-1, f[1] - f[0], 6);   // w₁ = −1 (scikit-learn's sign, positive for b: w = (1, 0))
        Assert.Equal(0, f[2] - f[0], 6);    // w₂ = 0
        Assert.Equal(3, f[3], 5);
    }

    [Fact]
    public void An_rbf_kernel_solves_xor()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 80).Select(i =>
        {
            var (sx, sy) = (i % 2 == 0 ? 1 : -1, i / 2 % 2 == 0 ? 1 : -1);
            return (sx + 0.2 * (random.NextDouble() - 0.5), sy + 0.2 * (random.NextDouble() - 0.5), sx * sy > 0 ? "same" : "different");
        }).ToArray();
        var table = Points(rows);
        var model = Fit(new SvmOptions(), table);
        Assert.Equal(1.0, Scoring.Score(model.Predict(table), table["label"])["accuracy"]);
        var corners = model.Predict(Points([(0.9, 0.9, "?"), (-0.9, -0.9, "?"), (0.9, -0.9, "?"), (-0.9, 0.9, "?")]).Without("label"));
        Assert.Equal(["same", "same", "different", "different"], Enumerable.Range(0, 4).Select(corners.Label));
        // A linear kernel cannot: no line separates XOR.
        var linear = Fit(new SvmOptions { Kernel = "linear", Probability = false }, table);
        Assert.True(Scoring.Score(linear.Predict(table), table["label"])["accuracy"] < 0.8);
    }

    [Fact]
    public void The_dual_solution_satisfies_the_kkt_conditions()
    {
        // Overlapping classes, so some α sit at C, some are free and most are 0.
        var random = new Random(11);
        var rows = Enumerable.Range(0, 120).Select(i =>
        {
            var positive = i % 2 == 0;
            return (Gaussian(random) + (positive ? 1.0 : -0.2), Gaussian(random) + (positive ? 0.5 : 0.0), positive ? "p" : "n");
        }).ToArray();
        var table = Points(rows);
        const double c = 0.8, tol = 1e-3;
        foreach (var shrinking in new[] { true, false })
        {
            var model = Fit(new SvmOptions { C = c, Tol = tol, Probability = false, Shrinking = shrinking }, table);
            var f = model.DecisionValues(table.Without("label"));
            var alpha = new double[rows.Length];
            var coefficients = model.DualCoefficients.ToArray();
            for (var s = 0; s < model.SupportVectorCount; s++)
            {
                var sv = model.SupportVector(s).ToArray();
                var row = Array.FindIndex(rows, r => (float)r.Item1 == sv[0] && (float)r.Item2 == sv[1]);
                alpha[row] = Math.Abs(coefficients[s]);
            }
            var y = rows.Select(r => r.Item3 == "p" ? 1.0 : -1.0).ToArray(); // p comes first: the first class, positive decision values
            Assert.Equal(0, alpha.Select((a, i) => a * y[i]).Sum(), 9);    // Σ yα = 0
            var (atBound, free) = (0, 0);
            for (var i = 0; i < rows.Length; i++)
            {
                var margin = y[i] * f[i];
                Assert.InRange(alpha[i], 0, c + 1e-12);
                if (alpha[i] == 0) Assert.True(margin >= 1 - tol, $"row {i}: α = 0 but y·f = {margin}");
                else if (alpha[i] >= c - 1e-12) { atBound++; Assert.True(margin <= 1 + tol, $"row {i}: α = C but y·f = {margin}"); }
                else { free++; Assert.True(Math.Abs(margin - 1) <= tol, $"row {i}: free α but y·f = {margin}"); }
            }
            Assert.True(atBound > 0 && free > 0, $"{atBound} at C, {free} free: the problem should have both");
        }
    }

    [Theory]
    [MemberData(nameof(ScikitLearnCases))]
    public void Decision_values_match_scikit_learn(SvmOptions options, int[] supportPerClass, double[] atDefaultTol, double[] atTightTol)
    {
        // At tol 1e-3 the solver stops on a path that float32 kernel values (scikit-learn computes in double) can
        // change near a tie, so the two may differ by up to about tol; solved tightly they agree to rounding.
        var model = Fit(options with { Probability = false }, ScikitTable());
        Assert.Equal(supportPerClass, model.SupportVectorsPerClass.Values);
        AssertClose(atDefaultTol, model.DecisionValues(ScikitQueries()), 1e-3);
        var tight = Fit(options with { Probability = false, Tol = 1e-9 }, ScikitTable());
        AssertClose(atTightTol, tight.DecisionValues(ScikitQueries()), 2e-5);
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) < tolerance, $"value {i}: {actual[i]} vs scikit-learn {expected[i]}");
    }

    /// <summary>
    /// scikit-learn 1.2.1 (Debian python3-sklearn) on the 15 rows of <see cref="ScikitTable"/> (as float32, widened):
    /// <c>SVC(decision_function_shape="ovo", tol=t, **options).fit(X, y).decision_function(Q)</c> for t = 1e-3 (the
    /// default) and 1e-9, pairs (a,b), (a,c), (b,c) per query row; n_support_ per class. Produced by a throwaway
    /// script and copied with 10 significant digits.
    /// </summary>
    public static TheoryData<SvmOptions, int[], double[], double[]> ScikitLearnCases => new()
    {
        {
            new SvmOptions(), [4, 3, 3], // rbf, gamma "scale" = 0.317967…
            [1.0908808895, 1.1414918025, -0.11807176, 0.2471858266, 0.9295822709, 0.6456942763, 0.5470831496, -0.347904334, -0.9774972917,
             -1.0963012657, 0.3794256443, 1.1512420417, 0.1540555713, 0.3121630839, 0.1612933444],
            [1.091257031, 1.141777106, -0.11805912, 0.2471941468, 0.9295431545, 0.6457049465, 0.5472609593, -0.3477506276, -0.9775034701,
             -1.096633881, 0.3792089441, 1.151254507, 0.1541895979, 0.3121893846, 0.1612173739]
        },
        {
            new SvmOptions { Kernel = "linear" }, [3, 3, 2],
            [1.5752789065, 1.3102926932, 0.4949998856, 0.2739523712, 0.8244390721, 0.9949999079, 1.6435034491, -0.2223902203, -0.6050000414,
             -1.0273741642, 0.338585451, 1.4949999303, 0.3080646425, 0.0580976154, 0.4449999444],
            [1.575342487, 1.310292692, 0.4949998856, 0.2739726013, 0.8244390702, 0.9949999079, 1.643835801, -0.2223902203, -0.6050000414,
             -1.027397284, 0.3385854487, 1.49499993, 0.3082192584, 0.05809761423, 0.4449999444]
        },
        {
            new SvmOptions { Kernel = "poly", Gamma = "0.5", Coef0 = 1 }, [2, 2, 2],
            [1.3674421877, 1.5229052538, -0.0751157411, 0.4236850544, 0.6469018512, 1.2505289285, 0.7490834957, -0.2147871376, -1.6620612905,
             -3.4755067641, -1.6979093961, 5.6353535932, -0.6184977665, -1.1199341324, -0.2352832294],
            [1.367442176, 1.523022299, -0.07511574692, 0.4236850467, 0.6467872941, 1.250529025, 0.7490834836, -0.2146659455, -1.662061418,
             -3.475506756, -1.698751722, 5.635354027, -0.6184977754, -1.120001954, -0.2352832475]
        },
        {
            new SvmOptions { C = 10, Gamma = "2" }, [4, 5, 5],
            [1.287168437, 1.228956138, -0.0540632497, -0.2189455211, 0.8959918101, 1.0592171995, 0.1365153146, -0.1686340803, -0.2607119709,
             -0.9957423977, -0.0347283877, 1.0050438265, -1.5013412527, -0.5946260315, -0.2279323638],
            [1.287022969, 1.22908447, -0.05403792648, -0.2191102121, 0.8961005033, 1.059063958, 0.1364667737, -0.1686264806, -0.2607001214,
             -0.9953179955, -0.03471792459, 1.004830318, -1.501849274, -0.5945236177, -0.2282009387]
        },
    };

    [Fact]
    public void A_binary_problem_matches_scikit_learn_with_its_sign_flipped()
    {
        // scikit-learn reports binary decision values with the opposite sign (positive for its second class):
        // SVC().fit(X, y == 1).decision_function(Q) = [-1.1310007819, -0.3874875341, -1.2793042965, 1.0230603367, -0.6112180174], n_support_ [5, 3].
        var table = ScikitTable();
        var labels = (CategoricalColumn)table["label"];
        var binary = table.With(CategoricalColumn.FromStrings("label", [.. Enumerable.Range(0, 15).Select(i => labels[i] == 1 ? "yes" : "no")], ["no", "yes"]));
        var model = Fit(new SvmOptions { Probability = false }, binary);
        Assert.Equal([5, 3], model.SupportVectorsPerClass.Values);
        double[] expected = [-1.1310007819, -0.3874875341, -1.2793042965, 1.0230603367, -0.6112180174];
        var f = model.DecisionValues(ScikitQueries());
        for (var i = 0; i < expected.Length; i++) Assert.Equal(-expected[i], f[i], 3);
    }

    [Fact]
    public void Platt_probabilities_rise_with_the_decision_value_and_sum_to_one()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, 150).Select(i => (Gaussian(random) + i % 3 * 3.0, Gaussian(random) * 0.5 + (i % 3 == 2 ? 1.0 : 0), $"k{i % 3}")).ToArray();
        var table = Points(rows);
        var model = Fit(new SvmOptions(), table);
        Assert.True(model.Calibrated);

        // Along a line through the data the decision value of the (k0, k1) pair falls; P(k0 | k0 or k1) must fall with it.
        var line = Points([.. Enumerable.Range(0, 41).Select(i => (-3 + 0.3 * i, 0.0, "?"))]).Without("label");
        var f = model.DecisionValues(line);
        var probabilities = model.Predict(line);
        for (var i = 0; i < 41; i++)
            Assert.Equal(1, Enumerable.Range(0, 3).Sum(c => (double)probabilities.Probability(i, c)), 5);
        var twoClass = Fit(new SvmOptions(), Points([.. rows.Where(r => r.Item3 != "k2")]));
        var pairF = twoClass.DecisionValues(line);
        var p0 = twoClass.Predict(line);
        var byDecision = Enumerable.Range(0, 41).OrderBy(i => pairF[i]).ToArray();
        for (var k = 1; k < byDecision.Length; k++)
            Assert.True(p0.Probability(byDecision[k], 0) >= p0.Probability(byDecision[k - 1], 0) - 1e-6,
                $"decision {pairF[byDecision[k - 1]]} → {pairF[byDecision[k]]}, probability {p0.Probability(byDecision[k - 1], 0)} → {p0.Probability(byDecision[k], 0)}");
        Assert.True(p0.Probability(byDecision[0], 0) < 0.1 && p0.Probability(byDecision[^1], 0) > 0.9);
        Assert.Equal(3 * 41, f.Length);
    }

    [Fact]
    public void Without_probability_the_probabilities_are_vote_shares()
    {
        var table = ScikitTable();
        var model = Fit(new SvmOptions { Probability = false }, table);
        Assert.False(model.Calibrated);
        var f = model.DecisionValues(ScikitQueries());
        var p = model.Predict(ScikitQueries());
        for (var r = 0; r < 5; r++)
        {
            var votes = new double[3];
            votes[f[r * 3] > 0 ? 0 : 1]++;
            votes[f[r * 3 + 1] > 0 ? 0 : 2]++;
            votes[f[r * 3 + 2] > 0 ? 1 : 2]++;
            for (var c = 0; c < 3; c++) Assert.Equal(votes[c] / 3, p.Probability(r, c), 6);
        }
    }

    [Fact]
    public void Each_problem_is_one_step_and_the_last_carries_the_losses()
    {
        var history = new History();
        var table = ScikitTable();
        var validation = ScikitTable();
        new SvmClassifier().Fit(new TrainingData(table, validation, "label", TaskKind.Classification), new FitContext(1, [history]));
        Assert.Equal([1, 2, 3], history.Steps.Select(s => s.Step));
        Assert.All(history.Steps, s => Assert.Equal(3, s.TotalSteps));
        Assert.All(history.Steps, s => Assert.True(s.Metrics["iterations"] > 0 && s.Metrics["support_vectors"] > 0));
        Assert.Equal(["train_loss", "val_loss"], history.Steps.Where(s => s.Metrics.ContainsKey("train_loss")).SelectMany(s => s.Metrics.Keys.Where(k => k.EndsWith("_loss"))));
        Assert.Equal(3, history.Steps[^1].Step);
    }

    [Fact]
    public void A_class_missing_from_the_training_rows_gets_probability_zero()
    {
        var table = ScikitTable();
        var labels = (CategoricalColumn)table["label"];
        var withExtra = table.With(CategoricalColumn.FromStrings("label", [.. Enumerable.Range(0, 15).Select(i => labels.Categories[labels[i]])], ["a", "b", "c", "d"]));
        var model = Fit(new SvmOptions(), withExtra);
        var p = model.Predict(ScikitQueries());
        Assert.All(Enumerable.Range(0, 5), r => Assert.Equal(0f, p.Probability(r, 3)));
        Assert.All(Enumerable.Range(0, 5), r => Assert.NotEqual("d", p.Label(r)));
    }

    [Fact]
    public void A_two_column_kernel_cache_gives_the_same_model()
    {
        // 0.001 MB holds two columns of these problems: nearly every column is computed again, in part while shrinking.
        var random = new Random(8);
        var table = Points([.. Enumerable.Range(0, 300).Select(i => (Gaussian(random) + i % 3, Gaussian(random) - i % 3 * 0.5, $"k{i % 3}"))]);
        var queries = Points([.. Enumerable.Range(0, 20).Select(i => (i * 0.2 - 2, 1 - i * 0.1, "?"))]).Without("label");
        var roomy = Fit(new SvmOptions { Probability = false }, table).DecisionValues(queries);
        var cramped = Fit(new SvmOptions { Probability = false, CacheMb = 0.001 }, table).DecisionValues(queries);
        Assert.Equal(roomy, cramped);
    }

    [Fact]
    public void The_iteration_limit_stops_the_solver_and_says_so()
    {
        var random = new Random(4);
        var table = Points([.. Enumerable.Range(0, 200).Select(i => (Gaussian(random), Gaussian(random), i % 2 == 0 ? "a" : "b"))]);
        var lines = new List<string>();
        var history = new History();
        var model = new SvmClassifier(new SvmOptions { MaxIter = 5, Probability = false })
            .Fit(new TrainingData(table, null, "label", TaskKind.Classification), new FitContext(1, [history], log: lines.Add));
        Assert.Contains(lines, l => l.Contains("stopped after 5 iterations") && l.Contains("model.max_iter"));
        Assert.Equal(5, history.Steps[^1].Metrics["iterations"]);
        Assert.Equal(200, model.Predict(table).RowCount);
    }

    [Fact]
    public void Cancelling_stops_the_fit()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new SvmClassifier()
            .Fit(new TrainingData(ScikitTable(), null, "label", TaskKind.Classification), new FitContext(cancellation: cancel.Token)));
    }

    [Theory]
    [InlineData("kernel", "quadratic")]
    [InlineData("gamma", "wide")]
    [InlineData("gamma", "-1")]
    [InlineData("c", "0")]
    public void Bad_options_name_the_field(string field, string value)
    {
        var options = field switch
        {
            "kernel" => new SvmOptions { Kernel = value },
            "gamma" => new SvmOptions { Gamma = value },
            _ => new SvmOptions { C = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        };
        var e = Assert.Throws<LatheException>(() => new SvmClassifier(options));
        Assert.Contains($"model.{field}", e.Message);
    }

    [Fact]
    public void Gamma_scale_is_one_over_features_times_the_variance_of_all_values()
    {
        var table = ScikitTable();
        var model = Fit(new SvmOptions(), table);
        Assert.Equal(0.31796727420583953, model.Kernel.Gamma, 6); // scikit-learn's _gamma on the same rows
        Assert.Equal(0.5, Fit(new SvmOptions { Gamma = "auto" }, table).Kernel.Gamma);
    }

    internal static SvmModel Fit(SvmOptions options, Table table) =>
        (SvmModel)new SvmClassifier(options).Fit(new TrainingData(table, null, "label", TaskKind.Classification), new FitContext(1));

    internal static Table Points(IReadOnlyList<(double X, double Y, string Label)> rows) => new(
    [
        new NumericColumn("x", [.. rows.Select(r => (float)r.X)]),
        new NumericColumn("y", [.. rows.Select(r => (float)r.Y)]),
        CategoricalColumn.FromStrings("label", [.. rows.Select(r => r.Label)]),
    ]);

    private static Table ScikitTable() => Points(
    [
        (0.0, 0.2, "a"), (0.5, -0.3, "a"), (-0.4, 0.1, "a"), (0.3, 0.6, "a"), (1.2, 0.9, "a"),
        (2.0, 2.1, "b"), (2.5, 1.4, "b"), (1.6, 2.4, "b"), (2.2, 1.8, "b"), (0.9, 1.1, "b"),
        (-1.5, 2.0, "c"), (-2.1, 1.2, "c"), (-1.0, 2.5, "c"), (-1.8, 1.7, "c"), (0.1, 1.4, "c"),
    ]);

    private static Table ScikitQueries() => Points([(0, 0, "?"), (1, 1, "?"), (-1, 1, "?"), (2, 2, "?"), (0.5, 1.5, "?")]).Without("label");

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
