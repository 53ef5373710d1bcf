using System.Numerics.Tensors;
using Lathe.Training;

namespace Lathe.Models.Neighbors;

/// <summary>k-NN hyperparameters.</summary>
public sealed record NeighborsOptions
{
    public int K { get; init; } = 5;

    /// <summary>uniform (each neighbour counts once) or distance (closer neighbours count more: 1/distance).</summary>
    public string Weights { get; init; } = "uniform";

    public void Validate()
    {
        if (K < 1) throw LatheException.BadConfig("model.k must be at least 1.");
        if (Weights is not ("uniform" or "distance")) throw LatheException.BadConfig($"model.weights: '{Weights}' is not uniform or distance.");
    }
}

/// <summary>k-nearest-neighbours classifier: class shares among the k closest training rows (Euclidean).</summary>
public sealed class KNeighborsClassifier(NeighborsOptions? options = null) : KNearestNeighbors(options ?? new(), TaskKind.Classification);

/// <summary>k-nearest-neighbours regressor: the (weighted) mean target of the k closest training rows.</summary>
public sealed class KNeighborsRegressor(NeighborsOptions? options = null) : KNearestNeighbors(options ?? new(), TaskKind.Regression);

/// <summary>
/// k-nearest neighbours by brute force: distances computed with SIMD (TensorPrimitives) and rows in
/// parallel. Fitting stores the training rows; scale the inputs first (the default preparation does).
/// </summary>
public abstract class KNearestNeighbors : IEstimator
{
    public const string TypeName = "knn";

    protected KNearestNeighbors(NeighborsOptions options, TaskKind task)
    {
        options.Validate();
        (Options, Task) = (options, task);
    }

    public NeighborsOptions Options { get; }

    public TaskKind Task { get; }

    public string Type => TypeName;

    public IModel Fit(TrainingData data, FitContext context)
    {
        var features = data.FeatureNames;
        // A lazy learner: fitting checks and keeps the training columns; the row-major copy the search scans is
        // made on the first prediction (or save), as scikit-learn's brute-force fit only stores its array.
        FeatureMatrix.Validate(data.Train, features);
        var width = FeatureMatrix.WidthOf(data.Train, features);
        var train = data.Train;
        var x = new Lazy<float[]>(() => FeatureMatrix.Build(train, features, out _));
        var (classIndices, values) = TargetValues.Of(data);
        var targets = classIndices is null ? values! : [.. classIndices.Select(c => (float)c)];
        var classes = Task == TaskKind.Classification ? data.Classes : null;
        if (Options.K > data.Train.RowCount)
            throw LatheException.BadConfig($"model.k ({Options.K}) is more than the {data.Train.RowCount} training rows.");
        context.Start(1, null);
        var model = new NeighborsModel(x, width, targets, Task, features, classes, Options);
        context.Report(1, FitLosses.Of(model, data, context, includeTrain: false));
        context.Finish();
        return model;
    }

    /// <summary>
    /// Indices and distances of the k training rows nearest to <paramref name="row"/>, nearest first; on a
    /// tie the earlier row wins. Keeps a sorted list of the best k while scanning, so a query costs O(n·k), not a full sort.
    /// </summary>
    internal static (int[] Index, float[] Distance) Nearest(float[] x, int width, ReadOnlySpan<float> row, int k)
    {
        var rows = x.Length / width;
        var index = new int[k];
        var distance = new float[k];
        var count = 0;
        for (var i = 0; i < rows; i++)
        {
            var d = TensorPrimitives.Distance(x.AsSpan(i * width, width), row);
            if (count == k && d >= distance[k - 1]) continue;
            var at = Math.Min(count, k - 1);
            while (at > 0 && distance[at - 1] > d)
            {
                index[at] = index[at - 1];
                distance[at] = distance[at - 1];
                at--;
            }
            index[at] = i;
            distance[at] = d;
            if (count < k) count++;
        }
        return (index[..count], distance[..count]);
    }
}
