using Lathe.Data;
using Lathe.Images;

namespace Lathe.Experiments.Data;

/// <summary>
/// Reads one data file, or a folder of images, by its format (data.format) into a table, and tells the format
/// from a path when the config leaves it at auto. IDX and plain text need more than a path: see <see cref="DatasetLoader"/>.
/// </summary>
public static class TableFileReader
{
    /// <param name="csvLog">For CSV/TSV: receives each row's line and (when it asks to) the invalid cells set aside (data.clean.invalid).</param>
    public static Table Read(string path, string format, IReadOnlyDictionary<string, ColumnKind> columnKinds, ImageFolderOptions? images = null,
        CsvReadLog? csvLog = null) =>
        format switch
        {
            "csv" or "tsv" => CsvReader.Read(path, new CsvReadOptions { Delimiter = format == "tsv" ? '\t' : null, ColumnKinds = columnKinds, Log = csvLog }),
            "parquet" => ParquetTableReader.Read(path, new ParquetReadOptions { ColumnKinds = columnKinds }),
            "jsonl" => JsonLinesReader.Read(path, new JsonLinesReadOptions { ColumnKinds = columnKinds }),
            "images" when columnKinds.Count > 0 =>
                throw LatheException.BadConfig("data.columns: an image folder has the columns image and label, whose kinds are fixed; remove the column settings."),
            "images" => ImageFolderReader.Read(path, images),
            _ => throw new ArgumentException($"TableFileReader does not read format '{format}'.", nameof(format)),
        };

    /// <summary>The format a path's name implies: a folder is images; .gz is looked through. Null when the name says nothing.</summary>
    public static string? FormatOf(string path)
    {
        if (Directory.Exists(path)) return "images";
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz")) name = name[..^3];
        return Path.GetExtension(name) switch
        {
            ".csv" => "csv",
            ".tsv" => "tsv",
            ".parquet" => "parquet",
            ".jsonl" or ".ndjson" => "jsonl",
            ".idx" => "idx",
            ".txt" => "text",
            _ when name.Contains("-ubyte") => "idx",
            _ => null,
        };
    }
}
