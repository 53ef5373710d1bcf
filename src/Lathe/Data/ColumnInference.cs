using System.Globalization;

namespace Lathe.Data;

/// <summary>
/// The one rule every reader uses to decide a column's kind from its cell texts (CSV, JSON lines) or its
/// strings (Parquet): numbers → numeric; otherwise few distinct values → categorical, many → text.
/// </summary>
public static class ColumnInference
{
    /// <summary>
    /// Builds a column from cell texts (null = missing). <paramref name="locate"/> names a row's place for
    /// messages ("file.csv:12"); <paramref name="forced"/> overrides the inference. <paramref name="source"/> is the file.
    /// </summary>
    public static Column FromCells(string source, string name, int columnNumber, IReadOnlyList<string?> values, Func<int, string> locate,
        ColumnKind? forced, double numericShare)
    {
        if (forced is ColumnKind.Categorical) return CategoricalColumn.FromStrings(name, values);
        if (forced is ColumnKind.Text) return new TextColumn(name, [.. values]);
        if (forced is ColumnKind.Vector)
            throw LatheException.BadConfig($"{source}: column '{name}' cannot be read as a vector; use numeric, categorical or text.");

        var numbers = new float[values.Count];
        int present = 0, parsed = 0, firstBad = -1;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value is null) { numbers[i] = float.NaN; continue; }
            present++;
            if (TryParseNumber(value, out var number))
            {
                if (float.IsInfinity(number)) throw Infinite(locate(i), name, columnNumber, value);
                numbers[i] = number;
                parsed++;
            }
            else if (firstBad < 0) firstBad = i;
        }

        var numeric = forced is ColumnKind.Numeric || present == 0 || parsed == present ||
                      (present >= 10 && parsed >= numericShare * present);
        if (!numeric) return CategoricalOrText(name, values);
        if (firstBad >= 0) throw NotANumber(locate(firstBad), name, columnNumber, values[firstBad]!);
        return new NumericColumn(name, numbers);
    }

    /// <summary>Strings that are not numbers: categorical when there are at most max(50, rows/2) distinct values, text otherwise.</summary>
    public static Column CategoricalOrText(string name, IReadOnlyList<string?> values)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var present = 0;
        foreach (var value in values)
            if (value is not null) { present++; distinct.Add(value); }
        return distinct.Count <= Math.Max(50, present / 2)
            ? CategoricalColumn.FromStrings(name, values)
            : new TextColumn(name, [.. values]);
    }

    /// <summary>Invariant-culture numbers, plus the spellings of infinity other tools write (inf, -Inf, Infinity).</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out float number)
    {
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)) return true;
        var unsigned = text.TrimStart("+-");
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            number = text.StartsWith('-') ? float.NegativeInfinity : float.PositiveInfinity;
            return true;
        }
        return false;
    }

    public static LatheException Infinite(string where, string name, int columnNumber, string value) =>
        LatheException.BadData(
            $"{where}: column '{name}' (field {columnNumber}) holds an infinite value '{value}'. " +
            "Replace it with a finite number or leave the cell empty to mark it missing.");

    public static LatheException NotANumber(string where, string name, int columnNumber, string value) =>
        LatheException.BadData(
            $"{where}: column '{name}' (field {columnNumber}) is numeric but holds '{value}'. " +
            "Fix the value, leave the cell empty to mark it missing, or declare the column categorical in data.columns.");
}
