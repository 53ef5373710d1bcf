namespace Lathe.Data;

/// <summary>Stacks the rows of two tables with the same columns.</summary>
public static class TableRows
{
    /// <summary>
    /// The rows of <paramref name="top"/> followed by those of <paramref name="bottom"/>, in the top table's
    /// column order, roles and source. Each column must be in both, of the same kind; categories are merged
    /// (the top's first, then new ones in the bottom's order).
    /// </summary>
    public static Table Append(Table top, Table bottom)
    {
        var columns = new List<Column>();
        foreach (var column in top.Columns)
        {
            if (!bottom.Contains(column.Name))
                throw LatheException.BadData($"{bottom.Source ?? "table"}: column '{column.Name}' is missing; it is needed to add these rows to {top.Source ?? "the table"}.");
            columns.Add(Append(column, bottom[column.Name], bottom.Source));
        }
        return new Table(columns, top.ColumnNames.ToDictionary(n => n, top.RoleOf), top.Source);
    }

    private static Column Append(Column top, Column bottom, string? source) => (top, bottom) switch
    {
        (NumericColumn a, NumericColumn b) => new NumericColumn(a.Name, [.. a.Values, .. b.Values]),
        (TextColumn a, TextColumn b) => new TextColumn(a.Name, [.. Enumerable.Range(0, a.Length).Select(i => a[i]), .. Enumerable.Range(0, b.Length).Select(i => b[i])]),
        (VectorColumn a, VectorColumn b) when a.Shape.SequenceEqual(b.Shape) => new VectorColumn(a.Name, [.. a.Data, .. b.Data], [.. a.Shape]),
        (CategoricalColumn a, CategoricalColumn b) => AppendCategories(a, b),
        _ => throw LatheException.BadData(
            $"{source ?? "table"}: column '{top.Name}' is {bottom.Kind.ToString().ToLowerInvariant()} here but {top.Kind.ToString().ToLowerInvariant()} in the rows it joins."),
    };

    private static CategoricalColumn AppendCategories(CategoricalColumn a, CategoricalColumn b)
    {
        var categories = a.Categories.ToList();
        foreach (var c in b.Categories)
            if (!categories.Contains(c)) categories.Add(c);
        return new CategoricalColumn(a.Name, [.. a.Codes, .. b.CodesIn(categories)], [.. categories]);
    }
}
