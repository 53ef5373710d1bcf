using Lathe.Data;

namespace Lathe.Synthetic;

/// <summary>
/// The strength of the relation between two columns of any mix of kinds, over rows where both are present:
/// Pearson r (−1 to 1) for two numeric columns, the correlation ratio η (0 to 1) for a numeric and a
/// categorical one, Cramér's V (0 to 1) for two categorical ones. 0 when undefined (a constant column, under 3 rows).
/// </summary>
internal static class Association
{
    public static double Of(Column a, Column b) => (a, b) switch
    {
        (NumericColumn x, NumericColumn y) => CorrelationMatrix.Pearson(Doubles(x), Doubles(y)),
        (NumericColumn x, CategoricalColumn c) => CorrelationRatio(x, c),
        (CategoricalColumn c, NumericColumn x) => CorrelationRatio(x, c),
        (CategoricalColumn c, CategoricalColumn d) => CramersV(c, d),
        _ => 0,
    };

    private static double[] Doubles(NumericColumn column)
    {
        var values = new double[column.Length];
        for (var r = 0; r < values.Length; r++) values[r] = column[r];
        return values;
    }

    /// <summary>η = √(between-category sum of squares / total sum of squares).</summary>
    private static double CorrelationRatio(NumericColumn x, CategoricalColumn c)
    {
        var k = c.Categories.Count;
        var sums = new double[k];
        var counts = new double[k];
        double total = 0, n = 0;
        for (var r = 0; r < x.Length; r++)
        {
            if (float.IsNaN(x[r]) || c[r] < 0) continue;
            sums[c[r]] += x[r];
            counts[c[r]]++;
            total += x[r];
            n++;
        }
        if (n < 3) return 0;
        var mean = total / n;
        double between = 0, all = 0;
        for (var g = 0; g < k; g++)
            if (counts[g] > 0) between += counts[g] * Math.Pow(sums[g] / counts[g] - mean, 2);
        for (var r = 0; r < x.Length; r++)
            if (!float.IsNaN(x[r]) && c[r] >= 0) all += Math.Pow(x[r] - mean, 2);
        return all <= 0 ? 0 : Math.Sqrt(Math.Clamp(between / all, 0, 1));
    }

    /// <summary>V = √(χ² / (n · (min(rows, columns) − 1))) over the categories that occur.</summary>
    private static double CramersV(CategoricalColumn a, CategoricalColumn b)
    {
        var table = new double[a.Categories.Count, b.Categories.Count];
        var rowSums = new double[a.Categories.Count];
        var columnSums = new double[b.Categories.Count];
        double n = 0;
        for (var r = 0; r < a.Length; r++)
        {
            if (a[r] < 0 || b[r] < 0) continue;
            table[a[r], b[r]]++;
            rowSums[a[r]]++;
            columnSums[b[r]]++;
            n++;
        }
        var usedRows = rowSums.Count(s => s > 0);
        var usedColumns = columnSums.Count(s => s > 0);
        if (n < 3 || usedRows < 2 || usedColumns < 2) return 0;
        double chi2 = 0;
        for (var i = 0; i < rowSums.Length; i++)
            for (var j = 0; j < columnSums.Length; j++)
            {
                if (rowSums[i] == 0 || columnSums[j] == 0) continue;
                var expected = rowSums[i] * columnSums[j] / n;
                chi2 += Math.Pow(table[i, j] - expected, 2) / expected;
            }
        return Math.Sqrt(Math.Clamp(chi2 / (n * (Math.Min(usedRows, usedColumns) - 1)), 0, 1));
    }
}
