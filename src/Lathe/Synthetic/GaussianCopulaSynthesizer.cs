using Lathe.Data;

namespace Lathe.Synthetic;

/// <summary>
/// Learns a table's columns and their correlations with a Gaussian copula, then samples new rows: each
/// numeric column keeps its empirical distribution (min, max, missing share, whole numbers), each categorical
/// column its category shares, and every pair of columns the correlation of their normal scores (a rank
/// correlation). What it cannot keep: relations that are not monotone or that differ between regions of the
/// data (a ring, two clusters with opposite trends) — fit per class with <see cref="GaussianCopulaOptions.Target"/>
/// to keep each class's own structure.
/// </summary>
public sealed class GaussianCopulaSynthesizer(GaussianCopulaOptions? options = null)
{
    public GaussianCopulaOptions Options { get; } = options ?? new();

    /// <param name="seed">Seeds the random placement of categorical rows within their level's interval.</param>
    public GaussianCopulaModel Fit(Table table, int seed = 0)
    {
        Options.Validate();
        var where = table.Source ?? "table";
        if (table.RowCount == 0) throw LatheException.BadData($"{where}: no rows to learn from.");
        foreach (var column in table.Columns)
            if (column is not (NumericColumn or CategoricalColumn))
                throw LatheException.BadData($"{where}: column '{column.Name}' is {column.Kind.ToString().ToLowerInvariant()}; the synthesizer models numeric " +
                                             "and categorical columns only. Remove the column from the data (or declare it categorical if it holds labels).");
        var random = new Random(seed);
        if (Options.Target is not { } target)
            return new GaussianCopulaModel(table, null, [(-1, table.RowCount, GaussianCopula.Fit([.. table.Columns], Options.Ridge, random))]);

        var labels = ClassesOf(table, target, where);
        var others = table.Columns.Where(c => c.Name != target).ToArray();
        var groups = new List<(int Code, int Rows, GaussianCopula Copula)>();
        foreach (var group in Enumerable.Range(0, table.RowCount).GroupBy(r => labels[r]).OrderBy(g => g.Key))
        {
            var rows = group.ToArray();
            groups.Add((group.Key, rows.Length, GaussianCopula.Fit([.. others.Select(c => c.Take(rows))], Options.Ridge, random)));
        }
        return new GaussianCopulaModel(table, labels, groups);
    }

    /// <summary>The target as class labels: categorical, or numeric with few distinct values (such as 0/1).</summary>
    private CategoricalColumn ClassesOf(Table table, string target, string where)
    {
        var column = table[target];
        if (column is CategoricalColumn categorical) return categorical;
        var values = Enumerable.Range(0, column.Length).Select(r => column.IsMissing(r) ? null : column.Format(r)).ToArray();
        var distinct = values.Where(v => v is not null).Distinct().Count();
        if (column is NumericColumn && distinct <= Options.MaxTargetClasses) return CategoricalColumn.FromStrings(target, values);
        throw LatheException.BadConfig($"{where}: target '{target}' has {distinct} distinct values; a target names classes " +
                                       $"(categorical, or at most {Options.MaxTargetClasses} distinct numbers). Leave the target out to model it as an ordinary column.");
    }
}
