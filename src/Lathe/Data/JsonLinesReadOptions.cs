namespace Lathe.Data;

/// <summary>How to read a JSON lines file. The defaults infer every column's kind.</summary>
public sealed record JsonLinesReadOptions
{
    /// <summary>Column kinds that override inference, by key.</summary>
    public IReadOnlyDictionary<string, ColumnKind> ColumnKinds { get; init; } = new Dictionary<string, ColumnKind>();

    /// <summary>As in <see cref="CsvReadOptions.NumericShare"/>: a column at least this share numbers is numeric, its other values errors.</summary>
    public double NumericShare { get; init; } = 0.9;
}
