using System.Runtime.CompilerServices;
using Lathe.Data;

namespace Lathe.Models;

/// <summary>
/// Packs numeric and vector columns into one row-major float32 matrix, the input most models need.
/// Refuses categorical or text columns and missing or infinite values with a message that says which
/// preparation step fixes them.
/// </summary>
public static class FeatureMatrix
{
    /// <summary>Width of the matrix the given columns make.</summary>
    public static int WidthOf(Table table, IReadOnlyList<string> columns) =>
        columns.Sum(name => table[name] switch
        {
            NumericColumn => 1,
            VectorColumn v => v.Width,
            var other => throw NotNumeric(table, other),
        });

    // Fully optimized from the first call: a one-shot fit would otherwise run this loop as unoptimized tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float[] Build(Table table, IReadOnlyList<string> columns, out int width)
    {
        width = WidthOf(table, columns);
        var rows = table.RowCount;
        var matrix = new float[rows * width];
        var sources = columns.Select(name => table[name]).ToArray();
        // Rows in blocks: a block's rows stay in cache while every column writes its values into them.
        const int Block = 32;
        for (var start = 0; start < rows; start += Block)
        {
            var end = Math.Min(start + Block, rows);
            var offset = 0;
            foreach (var source in sources)
            {
                switch (source)
                {
                    case NumericColumn n:
                        var values = n.Values;
                        for (var r = start; r < end; r++) matrix[r * width + offset] = values[r];
                        offset += 1;
                        break;
                    case VectorColumn v:
                        for (var r = start; r < end; r++) v.Row(r).CopyTo(matrix.AsSpan(r * width + offset, v.Width));
                        offset += v.Width;
                        break;
                }
            }
        }
        for (var i = 0; i < matrix.Length; i++)
        {
            if (float.IsFinite(matrix[i])) continue;
            var row = i / width;
            var name = ColumnAt(table, columns, i % width);
            throw LatheException.BadData(
                $"{table.Source ?? "table"}: column '{name}' has a {(float.IsNaN(matrix[i]) ? "missing" : "infinite")} value in row {row + 1}. " +
                "Add an imputer (data.clean.missing) or remove the row.");
        }
        return matrix;
    }

    /// <summary>The column that holds position <paramref name="offset"/> of a matrix row.</summary>
    internal static string ColumnAt(Table table, IReadOnlyList<string> columns, int offset)
    {
        foreach (var name in columns)
        {
            var w = table[name] is VectorColumn v ? v.Width : 1;
            if (offset < w) return name;
            offset -= w;
        }
        return "?";
    }

    private static LatheException NotNumeric(Table table, Column column) => LatheException.BadData(
        $"{table.Source ?? "table"}: column '{column.Name}' is {column.Kind.ToString().ToLowerInvariant()}; this model needs numbers. " +
        (column.Kind == ColumnKind.Categorical
            ? "Add a one-hot encoder to the preparation."
            : $"Set it to ignore in data.columns ({column.Name}: ignore) or turn the text into word features with data.text: {{ vectorizer: tfidf }}."));
}
