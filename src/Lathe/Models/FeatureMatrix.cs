using System.Numerics.Tensors;
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
        var sources = Sources(table, columns, out width);
        var rows = table.RowCount;
        var matrix = new float[rows * width];
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
        return matrix;
    }

    /// <summary>
    /// The same values feature by feature (feature f's rows at [f·rows, (f+1)·rows)), as split searches read them:
    /// a numeric column is one block copy, with no row-major matrix in between.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float[] BuildColumnMajor(Table table, IReadOnlyList<string> columns, out int width)
    {
        var sources = Sources(table, columns, out width);
        var rows = table.RowCount;
        var matrix = new float[rows * width];
        var feature = 0;
        foreach (var source in sources)
        {
            switch (source)
            {
                case NumericColumn n:
                    n.Values.CopyTo(matrix.AsSpan(feature++ * rows, rows));
                    break;
                case VectorColumn v:
                    var data = v.Data;
                    for (var r = 0; r < rows; r++)
                        for (var j = 0; j < v.Width; j++) matrix[(feature + j) * rows + r] = data[r * v.Width + j];
                    feature += v.Width;
                    break;
            }
        }
        return matrix;
    }

    /// <summary>
    /// Checks the columns a matrix would be built from — numeric or vector, every value finite — without building it,
    /// for models that read the table's columns directly.
    /// </summary>
    public static void Validate(Table table, IReadOnlyList<string> columns) => Sources(table, columns, out _);

    /// <summary>The columns, refused unless numeric and finite; a whole column is checked at once by its SIMD sum.</summary>
    private static Column[] Sources(Table table, IReadOnlyList<string> columns, out int width)
    {
        width = WidthOf(table, columns);
        var sources = columns.Select(name => table[name]).ToArray();
        foreach (var source in sources)
        {
            var values = source switch { NumericColumn n => n.Values, VectorColumn v => v.Data, _ => default };
            // A non-finite value makes the sum non-finite; a huge finite sum (overflow) is rescanned and passes.
            if (float.IsFinite(TensorPrimitives.Sum(values))) continue;
            var width1 = source is VectorColumn vector ? vector.Width : 1;
            for (var i = 0; i < values.Length; i++)
            {
                if (float.IsFinite(values[i])) continue;
                throw LatheException.BadData(
                    $"{table.Source ?? "table"}: column '{source.Name}' has a {(float.IsNaN(values[i]) ? "missing" : "infinite")} value in row {i / width1 + 1}. " +
                    "Add an imputer (data.clean.missing) or remove the row.");
            }
        }
        return sources;
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
