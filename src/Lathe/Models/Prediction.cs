namespace Lathe.Models;

/// <summary>
/// A model's output for a table: a value per row (regression), or a class per row with the probability of
/// every class (classification; <see cref="Probabilities"/> is row-major, rows × classes).
/// </summary>
public sealed class Prediction
{
    private Prediction(TaskKind task, int rowCount, float[]? values, int[]? classIndices, float[]? probabilities, IReadOnlyList<string>? classes)
    {
        Task = task;
        RowCount = rowCount;
        Values = values;
        ClassIndices = classIndices;
        Probabilities = probabilities;
        Classes = classes;
    }

    public static Prediction Regression(float[] values) => new(TaskKind.Regression, values.Length, values, null, null, null);

    /// <summary>An autoencoder's output: each row's reconstruction error (mean squared, in prepared units) — an anomaly score.</summary>
    public static Prediction Reconstruction(float[] errors) => new(TaskKind.Reconstruction, errors.Length, errors, null, null, null);

    /// <summary>Classes are chosen by the highest probability (the first on ties).</summary>
    public static Prediction Classification(float[] probabilities, IReadOnlyList<string> classes)
    {
        var k = classes.Count;
        if (k == 0 || probabilities.Length % k != 0)
            throw new ArgumentException($"{probabilities.Length} probabilities do not make rows of {k} classes.");
        var rows = probabilities.Length / k;
        var indices = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var best = 0;
            for (var c = 1; c < k; c++)
                if (probabilities[r * k + c] > probabilities[r * k + best]) best = c;
            indices[r] = best;
        }
        return new Prediction(TaskKind.Classification, rows, null, indices, probabilities, classes);
    }

    public TaskKind Task { get; }

    public int RowCount { get; }

    public float[]? Values { get; }

    public int[]? ClassIndices { get; }

    public float[]? Probabilities { get; }

    public IReadOnlyList<string>? Classes { get; }

    /// <summary>The predicted class name of a row (classification only).</summary>
    public string Label(int row) => Classes![ClassIndices![row]];

    public float Probability(int row, int classIndex) => Probabilities![row * Classes!.Count + classIndex];
}
