namespace Lathe.Data;

/// <summary>How to read a Parquet file. The defaults read every column with its kind taken from the file's types.</summary>
public sealed record ParquetReadOptions
{
    /// <summary>Column kinds that override the file's types, by column name (e.g. integer codes read as categorical).</summary>
    public IReadOnlyDictionary<string, ColumnKind> ColumnKinds { get; init; } = new Dictionary<string, ColumnKind>();
}
