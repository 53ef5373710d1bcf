using System.Text;
using Lathe.IO;

namespace Lathe.Data;

/// <summary>
/// Writes a <see cref="Table"/> as CSV that <see cref="CsvReader"/> reads back: a header row, missing values as
/// empty cells, fields with a comma, quote or line break quoted (RFC 4180). The file is written atomically.
/// Vector columns (images) have no CSV form and are refused.
/// </summary>
public static class TableCsvWriter
{
    public static void Write(Table table, string path) => AtomicFile.WriteAllText(path, ToCsv(table));

    public static string ToCsv(Table table)
    {
        foreach (var column in table.Columns)
            if (column is VectorColumn)
                throw LatheException.BadData($"column '{column.Name}' holds vectors (e.g. images), which have no CSV form.");
        var text = new StringBuilder();
        text.AppendJoin(',', table.Columns.Select(c => Quote(c.Name))).Append('\n');
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

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 || field != field.Trim() ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
