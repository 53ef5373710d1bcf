using Lathe.Training;

namespace Lathe.Models.Trees;

/// <summary>CART decision tree classifier (Gini or entropy); probabilities are the training class shares of the leaf.</summary>
public sealed class DecisionTreeClassifier(TreeOptions? options = null) : DecisionTreeEstimator(options ?? new(), TaskKind.Classification);

/// <summary>CART decision tree regressor (variance reduction); predicts the leaf's mean target.</summary>
public sealed class DecisionTreeRegressor(TreeOptions? options = null) : DecisionTreeEstimator(options ?? new(), TaskKind.Regression);

/// <summary>Grows a decision tree on the numeric feature matrix (managed code; no native dependency).</summary>
public abstract class DecisionTreeEstimator : IEstimator
{
    public const string TypeName = "tree";

    protected DecisionTreeEstimator(TreeOptions options, TaskKind task)
    {
        options.Validate();
        (Options, Task) = (options, task);
    }

    public TreeOptions Options { get; }

    public TaskKind Task { get; }

    public string Type => TypeName;

    public IModel Fit(TrainingData data, FitContext context)
    {
        if (data.Task != Task)
            throw new ArgumentException($"This tree is for {Task.ToString().ToLowerInvariant()}, but the data is for {data.Task.ToString().ToLowerInvariant()}.");
        var features = data.FeatureNames;
        var columns = FeatureMatrix.BuildColumnMajor(data.Train, features, out var width);
        var classes = Task == TaskKind.Classification ? data.Classes : null;
        var (classIndices, values) = TargetValues.Of(data);

        context.Start(1, null);
        try
        {
            var builder = new TreeBuilder(columns, width, classIndices, classes?.Count ?? 0, values, Options, context.Seed, parallelFeatures: true,
                classIndices is null ? null : FeatureRanks.Of(columns, width, data.Train.RowCount));
            var tree = builder.Build([.. Enumerable.Range(0, data.Train.RowCount)]);
            var model = new DecisionTreeModel(tree, Task, features, classes, [.. builder.Importances]);
            var metrics = FitLosses.Of(model, data, context);
            metrics["nodes"] = tree.NodeCount;
            metrics["depth"] = tree.Depth;
            context.Report(1, metrics);
            return model;
        }
        finally
        {
            context.Finish();
        }
    }
}
