using System.Numerics.Tensors;

namespace Lathe.Models.Clustering;

/// <summary>
/// The rows k-means works on: centred on the training mean (as scikit-learn does, so that the squared-norm
/// trick |x − c|² = |x|² + |c|² − 2x·c loses little precision in float32), with each row's squared norm, cut
/// into fixed chunks of rows. Chunk boundaries depend only on the row count, and partial sums are combined
/// in chunk order, so results are the same however many threads run the chunks.
/// </summary>
internal sealed class KMeansProblem
{
    private const int MinChunkRows = 256;
    private const int MaxChunks = 64;

    public KMeansProblem(float[] x, int width, float[]? validation)
    {
        Width = width;
        Rows = x.Length / width;
        Mean = new float[width];
        var sums = new double[width];
        for (var r = 0; r < Rows; r++)
            for (var j = 0; j < width; j++) sums[j] += x[r * width + j];
        for (var j = 0; j < width; j++) Mean[j] = (float)(sums[j] / Rows);
        X = Centre(x);
        Norms = SquaredNorms(X, width);
        var variances = new double[width];
        for (var r = 0; r < Rows; r++)
            for (var j = 0; j < width; j++) variances[j] += (double)X[r * width + j] * X[r * width + j];
        MeanVariance = variances.Sum() / Rows / width;
        if (validation is not null)
        {
            Validation = Centre(validation);
            ValidationNorms = SquaredNorms(Validation, width);
        }
        ChunkRows = Math.Max(MinChunkRows, (Rows + MaxChunks - 1) / MaxChunks);
        Chunks = (Rows + ChunkRows - 1) / ChunkRows;
    }

    public int Width { get; }

    public int Rows { get; }

    /// <summary>Row-major training rows minus <see cref="Mean"/>.</summary>
    public float[] X { get; }

    public float[] Norms { get; }

    /// <summary>The training mean per feature; add it back to centres found on <see cref="X"/>.</summary>
    public float[] Mean { get; }

    /// <summary>The mean of the features' variances: scikit-learn scales tol by it.</summary>
    public double MeanVariance { get; }

    public float[]? Validation { get; }

    public float[]? ValidationNorms { get; }

    public int ChunkRows { get; }

    public int Chunks { get; }

    public (int Start, int Count) Chunk(int chunk)
    {
        var start = chunk * ChunkRows;
        return (start, Math.Min(ChunkRows, Rows - start));
    }

    /// <summary>Runs <paramref name="body"/> for every chunk, in parallel when asked.</summary>
    public void ForEachChunk(bool parallel, Action<int> body)
    {
        if (parallel && Chunks > 1) Parallel.For(0, Chunks, body);
        else
            for (var c = 0; c < Chunks; c++) body(c);
    }

    /// <summary>Centres found on the centred rows, moved back to the data's units.</summary>
    public float[] Uncentre(float[] centers)
    {
        var result = (float[])centers.Clone();
        for (var c = 0; c < result.Length / Width; c++)
            TensorPrimitives.Add(result.AsSpan(c * Width, Width), Mean, result.AsSpan(c * Width, Width));
        return result;
    }

    private float[] Centre(float[] x)
    {
        var centred = new float[x.Length];
        for (var r = 0; r < x.Length / Width; r++)
            TensorPrimitives.Subtract(x.AsSpan(r * Width, Width), Mean, centred.AsSpan(r * Width, Width));
        return centred;
    }

    public static float[] SquaredNorms(float[] x, int width)
    {
        var norms = new float[x.Length / width];
        for (var r = 0; r < norms.Length; r++)
        {
            var row = x.AsSpan(r * width, width);
            norms[r] = TensorPrimitives.Dot(row, row);
        }
        return norms;
    }
}
