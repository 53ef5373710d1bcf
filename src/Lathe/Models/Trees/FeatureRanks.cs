namespace Lathe.Models.Trees;

/// <summary>
/// For each feature with at most 256 distinct training values (pixels, counts, small integer codes — common), each
/// row's value as its rank among those values. A node's best split on such a feature then needs one pass that counts
/// rows per (rank, class) instead of a sort of the node's rows: the same candidate thresholds, the same counts,
/// found in O(rows) rather than O(rows·log rows).
/// </summary>
internal sealed class FeatureRanks
{
    public const int MaxDistinct = 256;

    private readonly byte[]?[] _ranks;
    private readonly float[]?[] _values;

    private FeatureRanks(byte[]?[] ranks, float[]?[] values) => (_ranks, _values) = (ranks, values);

    /// <summary>The rank of each row's value of <paramref name="feature"/>, or null when it has more than 256 distinct values.</summary>
    public byte[]? RanksOf(int feature) => _ranks[feature];

    /// <summary>The distinct values of <paramref name="feature"/>, ascending (rank r stands for value r).</summary>
    public float[] ValuesOf(int feature) => _values[feature]!;

    /// <param name="columns">Feature-major training matrix: feature f's rows at [f·rows, (f+1)·rows).</param>
    public static FeatureRanks Of(float[] columns, int width, int rows)
    {
        var ranks = new byte[]?[width];
        var values = new float[]?[width];
        void Rank(int f)
        {
            var column = columns.AsSpan(f * rows, rows);
            var distinct = new HashSet<float>();
            foreach (var v in column)
                if (distinct.Add(v) && distinct.Count > MaxDistinct) return;
            var sorted = distinct.Order().ToArray();
            var rankOf = new Dictionary<float, byte>(sorted.Length);
            for (var r = 0; r < sorted.Length; r++) rankOf[sorted[r]] = (byte)r;
            var rowRanks = new byte[rows];
            for (var i = 0; i < rows; i++) rowRanks[i] = rankOf[column[i]];
            (ranks[f], values[f]) = (rowRanks, sorted);
        }
        // Small tables on this thread: waking pool threads costs more than their share of the work.
        if ((long)rows * width < 100_000)
            for (var f = 0; f < width; f++) Rank(f);
        else Parallel.For(0, width, Rank);
        return new FeatureRanks(ranks, values);
    }
}
