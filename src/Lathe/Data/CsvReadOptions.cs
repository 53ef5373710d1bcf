namespace Lathe.Data;

/// <summary>How to read a delimited text file. The defaults read an ordinary comma-separated file with a header.</summary>
public sealed record CsvReadOptions
{
    /// <summary>Field separator; null picks tab for .tsv files and comma otherwise.</summary>
    public char? Delimiter { get; init; }

    /// <summary>Cell texts that mean "no value" (compared after trimming, case-sensitive).</summary>
    public IReadOnlyList<string> MissingMarkers { get; init; } = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "?"];

    /// <summary>Column kinds that override inference, by column name.</summary>
    public IReadOnlyDictionary<string, ColumnKind> ColumnKinds { get; init; } = new Dictionary<string, ColumnKind>();

    /// <summary>
    /// A column whose non-missing values are at least this share numbers is taken to be numeric, and its
    /// non-numbers are reported as errors (typos) rather than turning the whole column into categories.
    /// </summary>
    public double NumericShare { get; init; } = 0.9;

    /// <summary>When set, receives each row's file line and, if it asks to, the invalid numeric cells (read as missing instead of refused).</summary>
    public CsvReadLog? Log { get; init; }
}
