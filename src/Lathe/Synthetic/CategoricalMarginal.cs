using Lathe.Data;

namespace Lathe.Synthetic;

/// <summary>
/// A categorical column's distribution: the share of each category, with missing as one more level. The
/// levels cut [0, 1) into intervals in code order; a row's normal score is Φ⁻¹ of a random point in its
/// level's interval (so tied rows do not collapse to one score), and sampling maps a probability back to its level.
/// </summary>
internal sealed class CategoricalMarginal
{
    private readonly double[] _upper; // cumulative share at the end of each level; the last level is "missing"

    public CategoricalMarginal(CategoricalColumn column)
    {
        Categories = column.Categories;
        var counts = new double[Categories.Count + 1];
        foreach (var code in column.Codes) counts[code < 0 ? Categories.Count : code]++;
        _upper = new double[counts.Length];
        double sum = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            sum += counts[k];
            _upper[k] = column.Length == 0 ? 1 : sum / column.Length;
        }
        _upper[^1] = 1;
    }

    public IReadOnlyList<string> Categories { get; }

    public double[] NormalScores(CategoricalColumn column, Random random)
    {
        var scores = new double[column.Length];
        for (var r = 0; r < scores.Length; r++)
        {
            var level = column[r] < 0 ? Categories.Count : column[r];
            var lower = level == 0 ? 0 : _upper[level - 1];
            scores[r] = StandardNormal.Quantile(lower + random.NextDouble() * (_upper[level] - lower));
        }
        return scores;
    }

    /// <summary>The category code at probability <paramref name="u"/> (−1: missing).</summary>
    public int Inverse(double u)
    {
        for (var k = 0; k < _upper.Length; k++)
            if (u < _upper[k] && _upper[k] > (k == 0 ? 0 : _upper[k - 1]))
                return k == Categories.Count ? -1 : k;
        // u at the very top: the last level that has rows
        for (var k = _upper.Length - 1; k > 0; k--)
            if (_upper[k] > _upper[k - 1]) return k == Categories.Count ? -1 : k;
        return Categories.Count == 0 ? -1 : 0;
    }
}
