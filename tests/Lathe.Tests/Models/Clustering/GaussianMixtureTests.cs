using Lathe.Metrics;
using Lathe.Models.Clustering;
using Lathe.Training;
using static Lathe.Tests.Models.Clustering.SyntheticClusters;

namespace Lathe.Tests.Models.Clustering;

public class GaussianMixtureTests
{
    [Fact]
    public void It_recovers_the_means_and_covariances_of_two_Gaussians()
    {
        // Covariances [[1, 0.5], [0.5, 1]] and [[0.5, −0.2], [−0.2, 0.3]], given by their Cholesky factors.
        double[][] means = [[0, 0], [6, 3]];
        double[][][] factors =
        [
            [[1, 0], [0.5, Math.Sqrt(0.75)]],
            [[Math.Sqrt(0.5), 0], [-0.2 / Math.Sqrt(0.5), Math.Sqrt(0.3 - 0.04 / 0.5)]],
        ];
        double[][] covariances = [[1, 0.5, 0.5, 1], [0.5, -0.2, -0.2, 0.3]];
        var (columns, groups) = Gaussians(8000, 1, means, factors);
        var model = (GaussianMixtureModel)new GaussianMixture(new GaussianMixtureOptions { Components = 2 }).Fit(Fitting(TableOf(columns)), new FitContext(1));
        Assert.True(model.Converged);
        for (var g = 0; g < 2; g++)
        {
            var c = Enumerable.Range(0, 2).MinBy(c => Math.Pow(model.Means[c][0] - means[g][0], 2) + Math.Pow(model.Means[c][1] - means[g][1], 2));
            Assert.InRange(model.Weights[c], 0.47, 0.53);
            for (var j = 0; j < 2; j++) Assert.InRange(model.Means[c][j], means[g][j] - 0.05, means[g][j] + 0.05);
            for (var j = 0; j < 4; j++) Assert.InRange(model.Covariances[c][j], covariances[g][j] - 0.06, covariances[g][j] + 0.06);
        }
        var prediction = model.Predict(TableOf(columns));
        Assert.True(ClusteringMetrics.AdjustedRandIndex(groups, prediction.Clusters!) > 0.99);
        for (var r = 0; r < 100; r++)
        {
            Assert.Equal(1.0, prediction.Probability(r, 0) + prediction.Probability(r, 1), 5);
            Assert.Equal(prediction.Probability(r, 0) >= prediction.Probability(r, 1) ? 0 : 1, prediction.Clusters![r]);
        }
    }

    [Fact]
    public void The_log_likelihood_never_decreases_over_EM_steps()
    {
        var (columns, _) = Blobs(1500, 2, 1.2, [0, 0], [2.5, 0], [0, 2.5], [2.5, 2.5]);
        var (validation, _) = Blobs(300, 3, 1.2, [0, 0], [2.5, 0], [0, 2.5], [2.5, 2.5]);
        foreach (var covariance in new[] { "full", "diag", "spherical" })
        {
            var history = new History();
            var model = (GaussianMixtureModel)new GaussianMixture(new GaussianMixtureOptions { Components = 4, Covariance = covariance, Tol = 1e-6 })
                .Fit(Fitting(TableOf(columns), TableOf(validation)), new FitContext(5, [history]));
            var likelihood = history.Series("log_likelihood");
            Assert.True(likelihood.Count >= 3, $"{covariance}: {likelihood.Count} EM steps");
            for (var i = 1; i < likelihood.Count; i++)
                Assert.True(likelihood[i].Value >= likelihood[i - 1].Value - 1e-9,
                    $"{covariance}: the log-likelihood fell from {likelihood[i - 1].Value} to {likelihood[i].Value} at step {i + 1}");
            Assert.Equal(-likelihood[^1].Value, history.Series("train_loss")[^1].Value, 12);
            Assert.Equal(likelihood.Count, history.Series("val_loss").Count);
            Assert.Equal(model.LogLikelihood, likelihood[^1].Value, 12);
        }
    }

    [Fact]
    public void One_component_is_the_sample_mean_and_covariance_and_scores_rows_by_their_density()
    {
        float[] x = [1, 2, 4, 7, 3, 5];
        float[] y = [2, 1, 5, 6, 2, 9];
        var model = (GaussianMixtureModel)new GaussianMixture().Fit(Fitting(TableOf([x, y])), new FitContext());
        double mx = x.Average(v => (double)v), my = y.Average(v => (double)v);
        double sxx = x.Average(v => (v - mx) * (v - mx)), syy = y.Average(v => (v - my) * (v - my));
        var sxy = x.Zip(y).Average(p => (p.First - mx) * (p.Second - my));
        Assert.Equal(mx, model.Means[0][0], 9);
        Assert.Equal(my, model.Means[0][1], 9);
        double[] covariance = [sxx + 1e-6, sxy, sxy, syy + 1e-6];
        for (var j = 0; j < 4; j++) Assert.Equal(covariance[j], model.Covariances[0][j], 9);

        var determinant = covariance[0] * covariance[3] - covariance[1] * covariance[2];
        var (dx, dy) = (3 - mx, 3 - my);
        var mahalanobis = (covariance[3] * dx * dx - 2 * covariance[1] * dx * dy + covariance[0] * dy * dy) / determinant;
        var expected = -Math.Log(2 * Math.PI) - 0.5 * Math.Log(determinant) - 0.5 * mahalanobis;
        var prediction = model.Predict(TableOf([[3f], [3f]]));
        Assert.Equal(expected, prediction.Values![0], 5);
        Assert.Equal([0], prediction.Clusters!);
        Assert.Equal([1f], prediction.Probabilities!);
    }

    [Fact]
    public void Diagonal_and_spherical_covariances_have_their_shapes()
    {
        var (columns, _) = Blobs(400, 7, 0.5, [0, 0, 0], [5, 5, 5]);
        var diag = (GaussianMixtureModel)new GaussianMixture(new GaussianMixtureOptions { Components = 2, Covariance = "diag" }).Fit(Fitting(TableOf(columns)), new FitContext());
        var spherical = (GaussianMixtureModel)new GaussianMixture(new GaussianMixtureOptions { Components = 2, Covariance = "spherical" }).Fit(Fitting(TableOf(columns)), new FitContext());
        Assert.All(diag.Covariances, c => Assert.Equal(3, c.Length));
        Assert.All(spherical.Covariances, c => Assert.Single(c));
        Assert.All(spherical.Covariances, c => Assert.InRange(c[0], 0.2, 0.3));
    }

    [Fact]
    public void A_collapsed_component_is_a_clear_error()
    {
        // Identical rows and no regularisation: the covariance is zero.
        var data = Fitting(TableOf([[1f, 1f, 1f, 1f], [2f, 2f, 2f, 2f]]));
        var e = Assert.Throws<LatheException>(() => new GaussianMixture(new GaussianMixtureOptions { RegCovar = 0 }).Fit(data, new FitContext()));
        Assert.Contains("model.reg_covar", e.Message);
    }

    [Fact]
    public void Options_are_validated_by_field()
    {
        Assert.Contains("model.components", Assert.Throws<LatheException>(() => new GaussianMixture(new GaussianMixtureOptions { Components = 0 })).Message);
        Assert.Contains("model.covariance", Assert.Throws<LatheException>(() => new GaussianMixture(new GaussianMixtureOptions { Covariance = "tied" })).Message);
        Assert.Contains("model.reg_covar", Assert.Throws<LatheException>(() => new GaussianMixture(new GaussianMixtureOptions { RegCovar = -1 })).Message);
        Assert.Contains("model.inits", Assert.Throws<LatheException>(() => new GaussianMixture(new GaussianMixtureOptions { Inits = 0 })).Message);
        var e = Assert.Throws<LatheException>(() => new GaussianMixture(new GaussianMixtureOptions { Components = 3 }).Fit(Fitting(TableOf([[1f, 2f]])), new FitContext()));
        Assert.Contains("model.components (3) is more than the 2 training rows", e.Message);
    }
}
