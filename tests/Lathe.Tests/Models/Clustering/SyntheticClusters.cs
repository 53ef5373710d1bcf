using Lathe.Data;
using Lathe.Models;

namespace Lathe.Tests.Models.Clustering;

/// <summary>Seeded point clouds with known groups, as tables of numeric columns x0, x1, ….</summary>
internal static class SyntheticClusters
{
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Rows drawn in turn from Gaussians with the given means and (lower-triangular) Cholesky factors of their covariances; the group of each row too.</summary>
    public static (float[][] Columns, int[] Groups) Gaussians(int rows, int seed, double[][] means, double[][][] choleskyFactors)
    {
        var random = new Random(seed);
        var width = means[0].Length;
        var columns = Enumerable.Range(0, width).Select(_ => new float[rows]).ToArray();
        var groups = new int[rows];
        var z = new double[width];
        for (var r = 0; r < rows; r++)
        {
            var g = groups[r] = r % means.Length;
            for (var j = 0; j < width; j++) z[j] = Gaussian(random);
            for (var i = 0; i < width; i++)
            {
                var v = means[g][i];
                for (var j = 0; j <= i; j++) v += choleskyFactors[g][i][j] * z[j];
                columns[i][r] = (float)v;
            }
        }
        return (columns, groups);
    }

    /// <summary>Round blobs with standard deviation <paramref name="sd"/>.</summary>
    public static (float[][] Columns, int[] Groups) Blobs(int rows, int seed, double sd, params double[][] means)
    {
        var width = means[0].Length;
        var factor = Enumerable.Range(0, width).Select(i => Enumerable.Range(0, width).Select(j => i == j ? sd : 0).ToArray()).ToArray();
        return Gaussians(rows, seed, means, [.. means.Select(_ => factor)]);
    }

    /// <summary>
    /// scikit-learn's make_moons: two interleaving half circles (rows alternate between them) with Gaussian
    /// noise of <paramref name="noise"/>.
    /// </summary>
    public static (float[][] Columns, int[] Groups) Moons(int rows, int seed, double noise)
    {
        var random = new Random(seed);
        var x = new float[rows];
        var y = new float[rows];
        var groups = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var moon = groups[r] = r % 2;
            var t = Math.PI * (r / 2) / Math.Max(1, (rows + 1) / 2 - 1);
            var (px, py) = moon == 0 ? (Math.Cos(t), Math.Sin(t)) : (1 - Math.Cos(t), 0.5 - Math.Sin(t));
            x[r] = (float)(px + noise * Gaussian(random));
            y[r] = (float)(py + noise * Gaussian(random));
        }
        return ([x, y], groups);
    }

    public static Table TableOf(float[][] columns) => new([.. columns.Select((v, j) => (Column)new NumericColumn($"x{j}", v))]);

    public static TrainingData Fitting(Table train, Table? validation = null) => new(train, validation, "", TaskKind.Clustering);

    /// <summary>Row-major matrix of the columns.</summary>
    public static float[] Matrix(float[][] columns)
    {
        var rows = columns[0].Length;
        var x = new float[rows * columns.Length];
        for (var r = 0; r < rows; r++)
            for (var j = 0; j < columns.Length; j++) x[r * columns.Length + j] = columns[j][r];
        return x;
    }
}
