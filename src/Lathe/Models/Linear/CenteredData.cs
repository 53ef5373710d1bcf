using System.Runtime.CompilerServices;

namespace Lathe.Models.Linear;

/// <summary>
/// A regression problem in double precision, column-major (column j at [j·rows, (j+1)·rows)), with each
/// column's and the target's mean subtracted when an intercept is fitted — scikit-learn's
/// _preprocess_data. The intercept is then ȳ − Σⱼ meanⱼ·wⱼ, and is never penalized.
/// </summary>
internal sealed class CenteredData
{
    private CenteredData(double[] columns, double[] means, double[] y, double yMean, int rows, int width) =>
        (Columns, Means, Y, YMean, Rows, Width) = (columns, means, y, yMean, rows, width);

    public double[] Columns { get; }

    public double[] Means { get; }

    public double[] Y { get; }

    public double YMean { get; }

    public int Rows { get; }

    public int Width { get; }

    public ReadOnlySpan<double> Column(int j) => Columns.AsSpan(j * Rows, Rows);

    public double InterceptFor(ReadOnlySpan<double> w)
    {
        var intercept = YMean;
        for (var j = 0; j < Width; j++) intercept -= Means[j] * w[j];
        return intercept;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CenteredData Of(float[] x, int width, ReadOnlySpan<float> y, bool center)
    {
        var rows = y.Length;
        var means = new double[width];
        var yMean = 0.0;
        if (center && rows > 0)
        {
            for (var r = 0; r < rows; r++)
            {
                yMean += y[r];
                var row = x.AsSpan(r * width, width);
                for (var j = 0; j < width; j++) means[j] += row[j];
            }
            for (var j = 0; j < width; j++) means[j] /= rows;
            yMean /= rows;
        }
        var columns = new double[rows * width];
        for (var r = 0; r < rows; r++)
        {
            var row = x.AsSpan(r * width, width);
            for (var j = 0; j < width; j++) columns[j * rows + r] = row[j] - means[j];
        }
        var centered = new double[rows];
        for (var r = 0; r < rows; r++) centered[r] = y[r] - yMean;
        return new CenteredData(columns, means, centered, yMean, rows, width);
    }
}
