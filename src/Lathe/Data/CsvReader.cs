using System.Globalization;
using Lathe.IO;
using nietras.SeparatedValues;

namespace Lathe.Data;

/// <summary>
/// Reads a delimited text file (optionally gzip-compressed) with a header row into a <see cref="Table"/>,
/// inferring each column's kind. Every problem is reported with the file, line and column.
/// </summary>
public static class CsvReader
{
    public static Table Read(string path, CsvReadOptions? options = null)
    {
        options ??= new CsvReadOptions();
        if (!File.Exists(path))
            throw LatheException.BadData($"{path}: file not found. Check the path (relative paths start at the config file's folder).");
        var delimiter = options.Delimiter ?? (StripGz(path).EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');

        string[]? header = null;
        List<string?>[] cells = [];
        var lines = new List<int>();
        var missing = options.MissingMarkers.ToHashSet(StringComparer.Ordinal);
        try
        {
            using var stream = GzipReadStream.OpenMaybeCompressed(path);
            using var text = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
            using var reader = Sep.New(delimiter).Reader(o => o with
            {
                HasHeader = false,
                Unescape = true,
                DisableColCountCheck = true,
                CultureInfo = CultureInfo.InvariantCulture,
            }).From(text);
            foreach (var row in reader)
            {
                if (header is null)
                {
                    header = ReadHeader(path, row);
                    cells = [.. header.Select(_ => new List<string?>())];
                    continue;
                }
                if (row.ColCount == 1 && row.Span.Trim().IsEmpty) continue; // blank line
                if (row.ColCount != header.Length)
                    throw LatheException.BadData(
                        $"{path}:{row.LineNumberFrom}: this row has {row.ColCount} fields but the header has {header.Length}. " +
                        "Fix the row (a missing or extra delimiter, or an unclosed quote) or remove it.");
                lines.Add(row.LineNumberFrom);
                for (var c = 0; c < header.Length; c++)
                {
                    var value = row[c].ToString().Trim();
                    cells[c].Add(missing.Contains(value) ? null : value);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw LatheException.BadData($"{path}: {e.Message}. Copy or download the file again.");
        }
        catch (Exception e) when (e is not LatheException)
        {
            throw LatheException.BadData($"{path}: not a readable delimited file ({e.Message}).");
        }

        if (header is null) throw LatheException.BadData($"{path}: the file is empty; it needs a header row and data rows.");
        if (lines.Count == 0) throw LatheException.BadData($"{path}: the file has a header but no data rows.");

        var columns = new Column[header.Length];
        for (var c = 0; c < header.Length; c++)
        {
            var kind = options.ColumnKinds.TryGetValue(header[c], out var forced) ? forced : (ColumnKind?)null;
            columns[c] = ColumnInference.FromCells(path, header[c], c + 1, cells[c], i => $"{path}:{lines[i]}", kind, options.NumericShare);
        }
        foreach (var name in options.ColumnKinds.Keys)
            if (!header.Contains(name))
                throw LatheException.BadConfig($"{path}: column '{name}' named in the column settings is not in the file. Columns are: {string.Join(", ", header)}.");
        return new Table(columns, source: path);
    }

    private static string[] ReadHeader(string path, SepReader.Row row)
    {
        var names = new string[row.ColCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            var name = row[c].ToString().Trim();
            if (name.Length == 0) name = $"column{c + 1}";
            if (!seen.Add(name))
                throw LatheException.BadData($"{path}:{row.LineNumberFrom}: column name '{name}' appears twice in the header. Rename one of them.");
            names[c] = name;
        }
        return names;
    }

    private static string StripGz(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
}
