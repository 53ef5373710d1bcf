using System.Text;

namespace Lathe.Data;

/// <summary>
/// Writes a table as CSV: a header of column names, then each row's values as <see cref="Column.Format"/> gives
/// them (empty for missing), quoted when they hold a comma, quote or line break. Vector columns are refused.
/// </summary>
public static class CsvWriter
{
    public static string ToCsv(Table table)
    {
        foreach (var column in table.Columns)
            if (column is VectorColumn)
                throw LatheException.BadData($"column '{column.Name}' holds vectors, which a CSV file cannot hold one value per cell.");
        var text = new StringBuilder();
        text.AppendJoin(',', table.ColumnNames.Select(Quote)).Append('\n');
        for (var r = 0; r < table.RowCount; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0) text.Append(',');
                text.Append(Quote(table.Columns[c].Format(r)));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
