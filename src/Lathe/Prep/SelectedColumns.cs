using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// Fits a transform on some columns only (e.g. scale two of five numbers). The fitted step is the inner
/// transform's own, which touches only the columns it was fitted on, so it is saved and loaded as that type.
/// </summary>
public sealed class SelectedColumns(ITransform inner, IReadOnlyList<string> columns) : ITransform
{
    public string Type => inner.Type;

    public IReadOnlyList<string> Columns => columns;

    public IFittedTransform Fit(Table table)
    {
        foreach (var name in columns)
            if (!table.Contains(name))
                throw LatheException.BadConfig(
                    $"{inner.Type}: column '{name}' is not among the inputs at this step ({string.Join(", ", table.ColumnNames)}). " +
                    "Name a feature column (not the target, an ignored column or one an earlier step replaced).");
        return inner.Fit(table.Select(columns));
    }
}
