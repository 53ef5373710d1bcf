using Lathe.Data;

namespace Lathe.Synthetic;

/// <summary>A fitted <see cref="GaussianCopulaSynthesizer"/>: samples rows with the learned columns, in the original column order.</summary>
public sealed class GaussianCopulaModel
{
    private readonly Table _template;
    private readonly CategoricalColumn? _classes;
    private readonly List<(int Code, int Rows, GaussianCopula Copula)> _groups;

    internal GaussianCopulaModel(Table template, CategoricalColumn? classes, List<(int Code, int Rows, GaussianCopula Copula)> groups)
    {
        _template = template;
        _classes = classes;
        _groups = groups;
    }

    public IReadOnlyList<string> ColumnNames => [.. _template.ColumnNames];

    /// <summary>The correlation of the columns' normal scores (column order); null when fitted per class.</summary>
    public double[,]? Correlation => _classes is null ? _groups[0].Copula.Correlation : null;

    /// <summary>
    /// <paramref name="rows"/> new rows. Per class, row counts follow the learned class shares (rounded so they add up);
    /// the rows are shuffled. The same model, row count and seed give the same table.
    /// </summary>
    public Table Sample(int rows, int seed = 0)
    {
        if (rows < 1) throw LatheException.BadConfig($"rows must be at least 1, not {rows}.");
        var random = new Random(seed);
        if (_classes is null)
            return new Table(_groups[0].Copula.Sample(rows, random), source: null);

        var counts = ShareOut(rows);
        var parts = new List<Column[]>();
        var codes = new List<int>();
        for (var g = 0; g < _groups.Count; g++)
        {
            if (counts[g] == 0) continue;
            parts.Add(_groups[g].Copula.Sample(counts[g], random));
            codes.AddRange(Enumerable.Repeat(_groups[g].Code, counts[g]));
        }
        var order = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(order);
        var target = _classes.Name;
        var columns = _template.Columns.Select(c => c.Name == target
            ? TargetColumn([.. codes], c)
            : Concatenate(parts.Select(p => p.First(x => x.Name == c.Name)).ToArray()));
        return new Table(columns.Select(c => c.Take(order)));
    }

    /// <summary>Rows per class in proportion to the training shares, by largest remainder so they add up to <paramref name="rows"/>.</summary>
    private int[] ShareOut(int rows)
    {
        var total = _groups.Sum(g => g.Rows);
        var exact = _groups.Select(g => (double)rows * g.Rows / total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var g in Enumerable.Range(0, counts.Length).OrderByDescending(g => exact[g] - counts[g]).ThenBy(g => g).Take(rows - counts.Sum()))
            counts[g]++;
        return counts;
    }

    /// <summary>The sampled class codes in the target's own kind: categorical stays categorical, numeric labels numeric.</summary>
    private Column TargetColumn(int[] codes, Column original)
    {
        if (original is CategoricalColumn categorical) return new CategoricalColumn(original.Name, codes, [.. categorical.Categories]);
        var values = codes.Select(c => c < 0 ? float.NaN : float.Parse(_classes!.Categories[c], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new NumericColumn(original.Name, values);
    }

    private static Column Concatenate(Column[] parts) => parts[0] switch
    {
        NumericColumn => new NumericColumn(parts[0].Name, [.. parts.SelectMany(p => ((NumericColumn)p).Values.ToArray())]),
        CategoricalColumn c => new CategoricalColumn(parts[0].Name, [.. parts.SelectMany(p => ((CategoricalColumn)p).Codes.ToArray())], [.. c.Categories]),
        _ => throw new InvalidOperationException("Only numeric and categorical columns are sampled."),
    };
}
