using Lathe.Training;

namespace Lathe.Models.Clustering;

/// <summary>
/// k-means clustering: <see cref="KMeansOptions.Inits"/> k-means++ starts, each refined by Lloyd's
/// iterations, keeping the one with the lowest inertia (sum of squared distances of the rows to their
/// centres), as scikit-learn's KMeans. Starts run in parallel; each draws its seed up front from the fit's
/// seed, so the model is the same however the threads are scheduled. Scale the inputs first (the default
/// preparation does): distances need comparable scales.
/// </summary>
public sealed class KMeans : IEstimator
{
    public const string TypeName = "kmeans";

    public KMeans(KMeansOptions? options = null)
    {
        Options = options ?? new();
        Options.Validate();
    }

    public KMeansOptions Options { get; }

    public string Type => TypeName;

    /// <summary>
    /// Fits and reports the kept start's Lloyd iterations: inertia, train_loss (inertia per training row) and
    /// val_loss (the validation rows' mean squared distance to the same centres). They are reported once every
    /// start has finished, so a callback's stop request ends the report, not the fit.
    /// </summary>
    public IModel Fit(TrainingData data, FitContext context)
    {
        var input = ClusteringInput.Of(data, TypeName);
        var k = Options.Clusters;
        if (k > input.Rows)
            throw LatheException.BadConfig($"model.clusters ({k}) is more than the {input.Rows} training rows; lower model.clusters.");
        var problem = new KMeansProblem(input.X, input.Width, input.Validation);
        var random = new Random(context.Seed);
        int[] seeds = [.. Enumerable.Range(0, Options.Inits).Select(_ => random.Next())];
        var runs = new LloydRun[Options.Inits];
        var tolerance = Options.Tol * problem.MeanVariance;
        var rowsInParallel = Options.Inits < Environment.ProcessorCount; // spare cores: split each start's rows too
        Parallel.For(0, Options.Inits, new ParallelOptions { CancellationToken = context.Cancellation }, i =>
        {
            var initial = Lloyd.PlusPlus(problem, k, new Random(seeds[i]), rowsInParallel);
            runs[i] = Lloyd.Run(problem, initial, Options.MaxIter, tolerance, rowsInParallel, context.Cancellation);
        });
        var best = runs.MinBy(r => r.Inertia)!;

        var validationRows = input.Validation is null ? 0 : input.Validation.Length / input.Width;
        context.Start(best.Inertias.Count, null);
        for (var step = 0; step < best.Inertias.Count && !context.StopRequested; step++)
        {
            var metrics = new Dictionary<string, double> { ["inertia"] = best.Inertias[step], ["train_loss"] = best.Inertias[step] / input.Rows };
            if (best.ValidationInertias is { } v) metrics["val_loss"] = v[step] / validationRows;
            context.Report(step + 1, metrics);
        }
        context.Log($"k-means: kept the best of {Options.Inits} start(s): inertia {best.Inertia:G6} after {best.Iterations} Lloyd iteration(s)" +
            (best.Converged ? "." : "; it had not converged (raise model.max_iter)."));
        context.Finish();
        return new KMeansModel(input.Features, input.Width, problem.Uncentre(best.Centers), best.Inertia, best.Iterations);
    }
}
