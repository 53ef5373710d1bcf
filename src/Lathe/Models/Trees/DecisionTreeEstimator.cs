using Lathe.Data;
using Lathe.Metrics;
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
        var x = FeatureMatrix.Build(data.Train, features, out var width);
        var classes = Task == TaskKind.Classification ? data.Classes : null;
        int[]? classIndices = null;
        float[]? values = null;
        if (classes is not null)
        {
            var target = (CategoricalColumn)data.Train[data.Target];
            classIndices = [.. Enumerable.Range(0, target.Length).Select(i => target[i] >= 0
                ? target[i]
                : throw LatheException.BadData($"Row {i + 1} of the target '{data.Target}' is empty or a class not in the training rows."))];
            if (classIndices.Distinct().Count() < 2)
                throw LatheException.BadData($"The training rows hold a single class of '{data.Target}'; a classifier needs at least two.");
        }
        else values = ((NumericColumn)data.Train[data.Target]).Values.ToArray();

        context.Start(1, null);
        try
        {
            var builder = new TreeBuilder(x, width, classIndices, classes?.Count ?? 0, values, Options, context.Seed);
            var tree = builder.Build(data.Train.RowCount);
            var model = new DecisionTreeModel(tree, Task, features, classes, [.. builder.Importances]);
            var metrics = new Dictionary<string, double> { ["train_loss"] = LossOf(model, data.Train, data.Target) };
            if (data.Validation is not null) metrics["val_loss"] = LossOf(model, data.Validation, data.Target);
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

    /// <summary>Log loss (classification) or mean squared error (regression), the same losses the networks report.</summary>
    private static double LossOf(DecisionTreeModel model, Table table, string target)
    {
        var scores = Scoring.Score(model.Predict(table), table[target]);
        return scores.TryGetValue("log_loss", out var logLoss) ? logLoss : scores["mse"];
    }
}
