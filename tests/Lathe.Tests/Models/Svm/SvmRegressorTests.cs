using Lathe.Data;
using Lathe.Models;
using Lathe.Models.Svm;
using Lathe.Prep;
using Lathe.Training;

namespace Lathe.Tests.Models.Svm;

public class SvmRegressorTests
{
    [Fact]
    public void It_fits_a_noisy_sine()
    {
        var (train, _) = NoisySine(200, seed: 1);
        var model = Fit(new SvmOptions(), train);
        var grid = Enumerable.Range(0, 100).Select(i => 2 * Math.PI * (i + 0.5) / 100).ToArray();
        var predicted = model.Predict(new Table([new NumericColumn("x", [.. grid.Select(v => (float)v)])])).Values!;
        var rmse = Math.Sqrt(grid.Select((v, i) => Math.Pow(predicted[i] - Math.Sin(v), 2)).Average());
        Assert.True(rmse < 0.1, $"RMSE against the noiseless sine: {rmse}");
    }

    [Fact]
    public void Points_inside_the_epsilon_tube_are_not_support_vectors_and_points_outside_are_at_c()
    {
        var (train, x) = NoisySine(150, seed: 2);
        const double epsilon = 0.15, c = 2.0, tol = 1e-3;
        var model = Fit(new SvmOptions { Epsilon = epsilon, C = c, Tol = tol }, train);
        var y = ((NumericColumn)train["y"]).Values.ToArray();
        var f = model.Predict(train.Without("y")).Values!;
        var coefficient = new double[x.Length];
        var coefficients = model.DualCoefficients.ToArray();
        for (var s = 0; s < model.SupportVectorCount; s++)
            coefficient[Array.IndexOf(x, model.SupportVector(s)[0])] = coefficients[s];
        var (inside, outside) = (0, 0);
        for (var i = 0; i < x.Length; i++)
        {
            var residual = Math.Abs(y[i] - f[i]);
            if (residual < epsilon - tol) { inside++; Assert.True(coefficient[i] == 0, $"row {i}: |residual| {residual} < ε but coefficient {coefficient[i]}"); }
            if (residual > epsilon + tol) { outside++; Assert.True(Math.Abs(coefficient[i]) > c - 1e-9, $"row {i}: |residual| {residual} > ε but |coefficient| {coefficient[i]} < C"); }
            Assert.InRange(Math.Abs(coefficient[i]), 0, c + 1e-9);
        }
        Assert.True(inside > 20 && outside > 5, $"{inside} inside the tube, {outside} outside");
        Assert.Equal(0, coefficients.Sum(), 9); // Σ (α − α*) = 0
    }

    [Fact]
    public void Predictions_match_scikit_learn()
    {
        // scikit-learn 1.2.1: xs = linspace(0, 3, 12), zs = sin(xs) + 0.05·cos(7·xs), both as float32 (below);
        // SVR(tol=t).fit(xs, zs).predict([[0.25], [1.1], [2.9]]); support_ = [0, 3, 7, 10, 11] at t = 1e-3 and 1e-9.
        float[] xs = [0f, 0.27272728f, 0.54545456f, 0.8181818f, 1.0909091f, 1.3636364f, 1.6363636f, 1.9090909f, 2.1818182f, 2.4545455f, 2.7272727f, 3f];
        float[] zs = [0.05f, 0.25276497f, 0.4798211f, 0.77237517f, 0.8978422f, 0.9289826f, 1.0200025f, 0.97825533f, 0.77372366f, 0.6294176f, 0.45111826f, 0.113733545f];
        var train = new Table([new NumericColumn("x", xs), new NumericColumn("y", zs)]);
        var queries = new Table([new NumericColumn("x", [0.25f, 1.1f, 2.9f])]);
        foreach (var (tol, expected, tolerance) in new[]
                 {
                     (1e-3, new[] { 0.2695873653, 0.8295026954, 0.2546717823 }, 1e-3),
                     (1e-9, new[] { 0.2694261149, 0.829800708, 0.2545981607 }, 2e-5),
                 })
        {
            var model = Fit(new SvmOptions { Tol = tol }, train);
            Assert.Equal(1.1282051152731531, model.Kernel.Gamma, 6);
            Assert.Equal([0f, 0.8181818f, 1.9090909f, 2.7272727f, 3f], Enumerable.Range(0, model.SupportVectorCount).Select(s => model.SupportVector(s)[0]));
            var predicted = model.Predict(queries).Values!;
            for (var i = 0; i < 3; i++) Assert.True(Math.Abs(predicted[i] - expected[i]) < tolerance, $"tol {tol}, row {i}: {predicted[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Save_then_load_predicts_identically()
    {
        var (train, _) = NoisySine(120, seed: 3);
        var data = new TrainingData(train, null, "y", TaskKind.Regression);
        var model = (PipelineModel)new Pipeline([new StandardScaler()], new SvmRegressor(new SvmOptions { Kernel = "poly", Gamma = "0.3", Coef0 = 1 })).Fit(data, new FitContext());
        using var dir = new TempDirectory();
        ModelFolder.Save(model, dir.Path);
        Assert.True(File.Exists(Path.Combine(dir.Path, SvmModel.DataFile)));
        var loaded = ModelFolder.Load(dir.Path, new ModelCatalog().Register(SvmEstimator.TypeName, SvmModel.Load));
        var test = NoisySine(50, seed: 4).Table.Without("y");
        Assert.Equal(model.Predict(test).Values, loaded.Predict(test).Values);
    }

    [Fact]
    public void One_step_reports_the_losses_and_the_support_vectors()
    {
        var history = new History();
        var (train, _) = NoisySine(80, seed: 5);
        var model = (SvmModel)new SvmRegressor().Fit(new TrainingData(train, NoisySine(40, seed: 6).Table, "y", TaskKind.Regression), new FitContext(0, [history]));
        var step = Assert.Single(history.Steps);
        Assert.Equal(1, step.TotalSteps);
        Assert.Equal(model.SupportVectorCount, step.Metrics["support_vectors"]);
        Assert.True(step.Metrics["train_loss"] < 0.03 && step.Metrics["val_loss"] < 0.05, $"train {step.Metrics["train_loss"]}, val {step.Metrics["val_loss"]}");
    }

    [Fact]
    public void A_classifier_refuses_a_regression_task()
    {
        var (train, _) = NoisySine(20, seed: 1);
        var e = Assert.Throws<LatheException>(() => new SvmClassifier().Fit(new TrainingData(train, null, "y", TaskKind.Regression), new FitContext()));
        Assert.Contains("classification", e.Message);
    }

    private static SvmModel Fit(SvmOptions options, Table table) =>
        (SvmModel)new SvmRegressor(options).Fit(new TrainingData(table, null, "y", TaskKind.Regression), new FitContext());

    /// <summary>y = sin(x) + N(0, 0.1²) on x uniform in [0, 2π].</summary>
    private static (Table Table, float[] X) NoisySine(int rows, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, rows).Select(_ => (float)(2 * Math.PI * random.NextDouble())).ToArray();
        var y = x.Select(v => (float)(Math.Sin(v) + 0.1 * SvmClassifierTests.Gaussian(random))).ToArray();
        return (new Table([new NumericColumn("x", x), new NumericColumn("y", y)]), x);
    }
}
