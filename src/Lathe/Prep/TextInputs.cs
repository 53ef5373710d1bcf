using Lathe.Data;

namespace Lathe.Prep;

/// <summary>What the text vectorizers share: which columns they read, their texts, and the dense vector they write.</summary>
internal static class TextInputs
{
    /// <summary>The named columns, or every text column when none are named; no column at all is a config error.</summary>
    public static IReadOnlyList<string> ColumnsOf(Table table, IReadOnlyList<string>? named, string type)
    {
        if (named is not null)
        {
            foreach (var name in named)
                if (!table.Contains(name))
                    throw LatheException.BadConfig($"{type}: column '{name}' is not among the model's inputs ({string.Join(", ", table.ColumnNames)}).");
            return named;
        }
        var text = table.Columns.OfType<TextColumn>().Select(c => c.Name).ToList();
        if (text.Count == 0)
            throw LatheException.BadConfig(
                $"{type}: there is no text column among the inputs ({string.Join(", ", table.ColumnNames)}). " +
                "Mark the column that holds text in data.columns (for example message: text) or name it in data.text.columns.");
        return text;
    }

    /// <summary>A column's values as text (a category name or number as written; null when missing).</summary>
    public static string?[] TextsOf(Column column) => column switch
    {
        TextColumn t => [.. Enumerable.Range(0, t.Length).Select(i => t[i])],
        _ => [.. Enumerable.Range(0, column.Length).Select(i => column.IsMissing(i) ? null : column.Format(i))],
    };

    /// <summary>A rows × width matrix, refused with a clear message when it would not fit in one array.</summary>
    public static float[] Matrix(int rows, int width, string column)
    {
        if ((long)rows * width > Array.MaxLength)
            throw LatheException.BadData(
                $"column '{column}': {rows} rows × {width} term values is too large to hold densely; lower max_features (or features for hashing).");
        return new float[rows * width];
    }

    /// <summary>Divides a row by its Euclidean length (an all-zero row stays zero).</summary>
    public static void NormalizeL2(Span<float> row)
    {
        double sum = 0;
        foreach (var v in row) sum += (double)v * v;
        if (sum == 0) return;
        var scale = (float)(1 / Math.Sqrt(sum));
        for (var i = 0; i < row.Length; i++) row[i] *= scale;
    }
}
