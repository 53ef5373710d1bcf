namespace Lathe.Data;

/// <summary>
/// What a column holds at a glance: its kind, how many values are missing, and for numbers their mean, spread and
/// range; for categories how many there are and the most frequent; for vectors (images) their shape and value range.
/// </summary>
public sealed record ColumnSummary(string Name, ColumnKind Kind, int Rows, int Missing)
{
    public double? Mean { get; init; }
    public double? Std { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }

    /// <summary>Distinct categories (categorical) or distinct texts (text).</summary>
    public int? Distinct { get; init; }

    /// <summary>The most frequent values with their counts, most frequent first (categorical and text; at most five).</summary>
    public IReadOnlyList<(string Value, int Count)>? Top { get; init; }

    public IReadOnlyList<int>? Shape { get; init; }

    public static ColumnSummary Of(Column column)
    {
        var summary = new ColumnSummary(column.Name, column.Kind, column.Length, column.CountMissing());
        return column switch
        {
            NumericColumn numeric => WithMoments(summary, numeric.Values),
            VectorColumn vector => WithMoments(summary, vector.Data) with { Shape = vector.Shape },
            CategoricalColumn categorical => WithCounts(summary, Enumerable.Range(0, categorical.Length)
                .Where(r => categorical[r] >= 0).Select(r => categorical.Categories[categorical[r]])),
            TextColumn text => WithCounts(summary, Enumerable.Range(0, text.Length).Select(r => text[r]).OfType<string>()),
            _ => summary,
        };
    }

    private static ColumnSummary WithMoments(ColumnSummary summary, ReadOnlySpan<float> values)
    {
        double sum = 0, squares = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        var count = 0;
        foreach (var v in values)
        {
            if (float.IsNaN(v)) continue;
            count++;
            sum += v;
            squares += (double)v * v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (count == 0) return summary;
        var mean = sum / count;
        return summary with { Mean = mean, Std = Math.Sqrt(Math.Max(squares / count - mean * mean, 0)), Min = min, Max = max };
    }

    private static ColumnSummary WithCounts(ColumnSummary summary, IEnumerable<string> values)
    {
        var counts = values.CountBy(v => v, StringComparer.Ordinal).ToList();
        return summary with
        {
            Distinct = counts.Count,
            Top = [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(5).Select(c => (c.Key, c.Value))],
        };
    }
}
