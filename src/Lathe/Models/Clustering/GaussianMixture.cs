using Lathe.Training;

namespace Lathe.Models.Clustering;

/// <summary>
/// A Gaussian mixture fitted by expectation–maximisation, as scikit-learn's GaussianMixture: each start
/// takes its responsibilities from a k-means (one k-means++ start, Lloyd's iterations), then alternates
/// the E-step (each row's responsibilities) and the M-step (weights, means, covariances plus reg_covar on
/// the diagonal) until the mean log-likelihood changes by less than tol; the start with the highest
/// likelihood is kept. All in double precision, with Cholesky factors. A cluster is a row's most likely
/// component; the prediction carries every component's responsibility as its probabilities.
/// </summary>
public sealed class GaussianMixture : IEstimator
{
    public const string TypeName = "gmm";

    public GaussianMixture(GaussianMixtureOptions? options = null)
    {
        Options = options ?? new();
        Options.Validate();
    }

    public GaussianMixtureOptions Options { get; }

    public string Type => TypeName;

    /// <summary>
    /// Fits and reports the kept start's EM steps: log_likelihood (the training rows' mean log-likelihood
    /// under the parameters the step starts from, scikit-learn's lower bound), train_loss (its negative) and
    /// val_loss (the validation rows' negative mean log-likelihood under the same parameters). They are
    /// reported once every start has finished, so a callback's stop request ends the report, not the fit.
    /// </summary>
    public IModel Fit(TrainingData data, FitContext context)
    {
        var input = ClusteringInput.Of(data, TypeName);
        var (n, width, k) = (input.Rows, input.Width, Options.Components);
        if (k > n)
            throw LatheException.BadConfig($"model.components ({k}) is more than the {n} training rows; lower model.components.");
        var x = Array.ConvertAll(input.X, v => (double)v);
        var xt = new double[x.Length];
        for (var r = 0; r < n; r++)
            for (var j = 0; j < width; j++) xt[j * n + r] = x[r * width + j];
        var validation = input.Validation is null ? null : Array.ConvertAll(input.Validation, v => (double)v);
        var problem = new KMeansProblem(input.X, width, null);
        var random = new Random(context.Seed);
        int[] seeds = [.. Enumerable.Range(0, Options.Inits).Select(_ => random.Next())];

        EmRun? best = null;
        foreach (var seed in seeds)
        {
            var run = Em(problem, x, xt, validation, seed, context.Cancellation);
            if (best is null || run.LogLikelihood > best.LogLikelihood) best = run;
        }
        context.Start(best!.History.Count, null);
        for (var step = 0; step < best.History.Count && !context.StopRequested; step++)
        {
            var (train, val) = best.History[step];
            var metrics = new Dictionary<string, double> { ["log_likelihood"] = train, ["train_loss"] = -train };
            if (val is { } v) metrics["val_loss"] = -v;
            context.Report(step + 1, metrics);
        }
        context.Log($"gmm: kept the best of {Options.Inits} start(s): mean log-likelihood {best.LogLikelihood:G6} after {best.History.Count} EM step(s)" +
            (best.Converged ? "." : "; it had not converged (raise model.max_iter or model.tol)."));
        context.Finish();
        return new GaussianMixtureModel(input.Features, best.Components, best.LogLikelihood, best.History.Count, best.Converged);
    }

    private sealed record EmRun(GaussianComponents Components, double LogLikelihood, bool Converged, List<(double Train, double? Validation)> History);

    private EmRun Em(KMeansProblem problem, double[] x, double[] xt, double[]? validation, int seed, CancellationToken cancellation)
    {
        var (n, k) = (problem.Rows, Options.Components);
        var initial = Lloyd.PlusPlus(problem, k, new Random(seed), parallel: true);
        var kmeans = Lloyd.Run(problem, initial, 300, 1e-4 * problem.MeanVariance, parallel: true, cancellation);
        var responsibilities = new double[k * n];
        for (var r = 0; r < n; r++) responsibilities[kmeans.Labels[r] * n + r] = 1;
        var components = GaussianComponents.Maximise(Options.Covariance, xt, n, responsibilities, k, Options.RegCovar);

        var history = new List<(double, double?)>();
        var logLikelihood = double.NegativeInfinity;
        var converged = false;
        for (var step = 0; step < Options.MaxIter; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            var previous = logLikelihood;
            logLikelihood = components.Expect(x, responsibilities, null);
            double? validationLikelihood = validation is null ? null : components.Expect(validation, null, null);
            history.Add((logLikelihood, validationLikelihood));
            components = GaussianComponents.Maximise(Options.Covariance, xt, n, responsibilities, k, Options.RegCovar);
            if (Math.Abs(logLikelihood - previous) < Options.Tol)
            {
                converged = true;
                break;
            }
        }
        return new EmRun(components, logLikelihood, converged, history);
    }
}
