using Lathe.Training;

namespace Lathe.Models.Trees;

/// <summary>Random forest classifier: averages the trees' class probabilities.</summary>
public sealed class RandomForestClassifier(ForestOptions? options = null) : RandomForestEstimator(options ?? new(), TaskKind.Classification);

/// <summary>Random forest regressor: averages the trees' predictions.</summary>
public sealed class RandomForestRegressor(ForestOptions? options = null) : RandomForestEstimator(options ?? new(), TaskKind.Regression);

/// <summary>
/// A random forest (Breiman 2001): trees grown in parallel, each on its own bootstrap sample and trying
/// a random subset of features at every split. Each tree's seed derives from the fit's seed, so the
/// forest is the same whatever the thread scheduling. Reports the out-of-bag score.
/// </summary>
public abstract class RandomForestEstimator : IEstimator
{
    public const string TypeName = "forest";

    protected RandomForestEstimator(ForestOptions options, TaskKind task)
    {
        options.Validate();
        (Options, Task) = (options, task);
    }

    public ForestOptions Options { get; }

    public TaskKind Task { get; }

    public string Type => TypeName;

    public IModel Fit(TrainingData data, FitContext context)
    {
        var features = data.FeatureNames;
        var x = FeatureMatrix.Build(data.Train, features, out var width);
        var rows = data.Train.RowCount;
        var classes = Task == TaskKind.Classification ? data.Classes : null;
        var (classIndices, values) = TargetValues.Of(data);
        var treeOptions = Options.Tree with
        {
            MaxFeatures = Options.Tree.MaxFeatures ?? (classes is null ? width : Math.Max(1, (int)Math.Sqrt(width))),
        };

        context.Start(1, null);
        try
        {
            var trees = new DecisionTree[Options.Trees];
            var samples = new int[Options.Trees][];
            var importances = new double[Options.Trees][];
            // Per-tree seeds drawn up front from the fit's seed: the same in every process and on any thread.
            var seeds = new Random(context.Seed);
            var columns = TreeBuilder.ColumnMajor(x, width);
            var ranks = classIndices is null ? null : FeatureRanks.Of(columns, width, rows); // once, shared by every tree
            var treeSeeds = Enumerable.Range(0, Options.Trees).Select(_ => seeds.Next()).ToArray();
            Parallel.For(0, Options.Trees, new ParallelOptions { CancellationToken = context.Cancellation }, t =>
            {
                var seed = treeSeeds[t];
                var random = new Random(seed);
                samples[t] = Options.Bootstrap ? [.. Enumerable.Range(0, rows).Select(_ => random.Next(rows))] : [.. Enumerable.Range(0, rows)];
                var builder = new TreeBuilder(columns, width, classIndices, classes?.Count ?? 0, values, treeOptions, seed, ranks: ranks);
                trees[t] = builder.Build(samples[t]);
                importances[t] = builder.Importances;
            });
            var averaged = Enumerable.Range(0, width).Select(f => importances.Average(i => i[f])).ToArray();
            var model = new RandomForestModel(trees, Task, features, classes, averaged);

            var metrics = FitLosses.Of(model, data, context);
            if (Options.Bootstrap && OutOfBag.Score(model, x, width, samples, classIndices, values) is { } oob)
                metrics[classes is null ? "oob_r2" : "oob_accuracy"] = oob;
            metrics["trees"] = trees.Length;
            context.Report(1, metrics);
            return model;
        }
        finally
        {
            context.Finish();
        }
    }
}
