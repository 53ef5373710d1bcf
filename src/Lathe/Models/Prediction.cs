namespace Lathe.Models;

/// <summary>
/// A model's output for a table: a value per row (regression), or a class per row with the probability of
/// every class (classification; <see cref="Probabilities"/> is row-major, rows × classes), or a cluster per row
/// (clustering; see <see cref="Clustering"/>).
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

    /// <summary>
    /// A clusterer's output. <paramref name="clusters"/> holds each row's cluster, 0..<paramref name="clusterCount"/>−1,
    /// or −1 for noise (DBSCAN); it is <see cref="Clusters"/> (and <see cref="ClassIndices"/>), and the cluster names
    /// in <see cref="Classes"/> are "0".."k−1". <paramref name="scores"/> (optional, into <see cref="Values"/>) is a
    /// per-row number the model defines: k-means gives the distance to the row's centre, DBSCAN the distance to
    /// the nearest core point, a Gaussian mixture the row's log-likelihood. <paramref name="probabilities"/>
    /// (optional, rows × clusterCount) are soft assignments, such as a mixture's responsibilities.
    /// </summary>
    public static Prediction Clustering(int[] clusters, int clusterCount, float[]? scores = null, float[]? probabilities = null)
    {
        var rows = clusters.Length;
        if (clusterCount < 0) throw new ArgumentOutOfRangeException(nameof(clusterCount), "A clustering has at least zero clusters.");
        foreach (var c in clusters)
            if (c < -1 || c >= clusterCount) throw new ArgumentException($"Cluster {c} is outside -1..{clusterCount - 1}.", nameof(clusters));
        if (scores is not null && scores.Length != rows)
            throw new ArgumentException($"{scores.Length} scores for {rows} rows.", nameof(scores));
        if (probabilities is not null && probabilities.Length != (long)rows * clusterCount)
            throw new ArgumentException($"{probabilities.Length} probabilities do not make {rows} rows of {clusterCount} clusters.", nameof(probabilities));
        string[] names = [.. Enumerable.Range(0, clusterCount).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        return new Prediction(TaskKind.Clustering, rows, scores, clusters, probabilities, names);
    }

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

    /// <summary>Each row's cluster, −1 for noise (clustering only; the same array as <see cref="ClassIndices"/>).</summary>
    public int[]? Clusters => Task == TaskKind.Clustering ? ClassIndices : null;

    /// <summary>The predicted class name of a row (classification), or its cluster name ("-1" for noise).</summary>
    public string Label(int row) => ClassIndices![row] < 0 ? "-1" : Classes![ClassIndices[row]];

    public float Probability(int row, int classIndex) => Probabilities![row * Classes!.Count + classIndex];
}
