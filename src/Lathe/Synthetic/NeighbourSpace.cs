using Lathe.Data;
using Lathe.Models.Neighbors;

namespace Lathe.Synthetic;

/// <summary>
/// The rows of a table as points for nearest-neighbour search: numeric features standardized (missing → 0,
/// the mean), categorical features one-hot scaled by 1/√2 so that a mismatch adds 1 to the squared distance.
/// </summary>
internal sealed class NeighbourSpace
{
    private readonly float[] _points;
    private readonly int _width;

    private NeighbourSpace(float[] points, int width) => (_points, _width) = (points, width);

    public static NeighbourSpace Of(Table table, IReadOnlyList<string> features)
    {
        var columns = features.Select(n => table[n]).ToArray();
        var width = columns.Sum(c => c is CategoricalColumn k ? k.Categories.Count : 1);
        var rows = table.RowCount;
        var points = new float[rows * width];
        var offset = 0;
        foreach (var column in columns)
        {
            if (column is NumericColumn numeric)
            {
                var present = numeric.Values.ToArray().Where(v => !float.IsNaN(v)).Select(v => (double)v).ToArray();
                var mean = present.Length == 0 ? 0 : present.Average();
                var sd = present.Length < 2 ? 0 : Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Length - 1));
                if (sd == 0) sd = 1;
                for (var r = 0; r < rows; r++)
                    points[r * width + offset] = float.IsNaN(numeric[r]) ? 0 : (float)((numeric[r] - mean) / sd);
                offset++;
            }
            else
            {
                var categorical = (CategoricalColumn)column;
                var hot = (float)Math.Sqrt(0.5);
                for (var r = 0; r < rows; r++)
                    if (categorical[r] >= 0) points[r * width + offset + categorical[r]] = hot;
                offset += categorical.Categories.Count;
            }
        }
        return new NeighbourSpace(points, Math.Max(width, 1));
    }

    /// <summary>For each of <paramref name="rows"/>, the table rows of its k nearest others among <paramref name="rows"/>.</summary>
    public int[][] NearestWithin(int[] rows, int k)
    {
        var subset = new float[rows.Length * _width];
        for (var i = 0; i < rows.Length; i++)
            Array.Copy(_points, rows[i] * _width, subset, i * _width, _width);
        var result = new int[rows.Length][];
        // A k-d tree answers exactly as the scan does (ties to the earlier row), in far less time for few dimensions.
        var tree = KdTree.Suits(rows.Length, _width) ? new KdTree(subset, _width) : null;
        Parallel.For(0, rows.Length, i =>
        {
            var query = subset.AsSpan(i * _width, _width);
            var (index, _) = tree is not null ? tree.Nearest(query, k + 1) : KNearestNeighbors.Nearest(subset, _width, query, k + 1);
            // Drop the row itself; a duplicate of it may have come first, then drop the farthest instead.
            var others = index.Where(j => j != i).Take(k).ToArray();
            result[i] = [.. others.Select(j => rows[j])];
        });
        return result;
    }
}
