using Lathe.Data;

namespace Lathe.Models.Clustering;

/// <summary>The feature matrices a clusterer learns from: every feature column of the training rows (and of the validation rows, when given).</summary>
internal sealed record ClusteringInput(float[] X, int Width, int Rows, float[]? Validation, IReadOnlyList<string> Features)
{
    public static ClusteringInput Of(TrainingData data, string type)
    {
        if (data.Task != TaskKind.Clustering)
            throw LatheException.BadConfig(
                $"model.type {type} groups rows into clusters; set data.task: clustering (the task is {data.Task.ToString().ToLowerInvariant()}).");
        var features = data.FeatureNames;
        if (features.Count == 0)
            throw LatheException.BadData($"{data.Train.Source ?? "table"}: there are no feature columns to cluster.");
        if (data.Train.RowCount == 0)
            throw LatheException.BadData($"{data.Train.Source ?? "table"}: there are no training rows to cluster.");
        var x = FeatureMatrix.Build(data.Train, features, out var width);
        var validation = data.Validation is { RowCount: > 0 } v ? FeatureMatrix.Build(v, features, out _) : null;
        return new ClusteringInput(x, width, data.Train.RowCount, validation, features);
    }

    /// <summary>The model's input matrix for new rows, checked against the training width.</summary>
    public static float[] MatrixOf(Table table, IReadOnlyList<string> features, int width)
    {
        var x = FeatureMatrix.Build(table, features, out var inputWidth);
        if (inputWidth != width)
            throw LatheException.BadData($"The input has {inputWidth} feature values per row; this model was trained on {width}.");
        return x;
    }
}
