using System.Globalization;
using Lathe.IO;
using nietras.SeparatedValues;

namespace Lathe.Data;

/// <summary>
/// Reads a delimited text file (optionally gzip-compressed) with a header row into a <see cref="Table"/>,
/// inferring each column's kind. Numbers are parsed straight into float32 buffers (see
/// <see cref="CsvColumnBuilder"/>; a plain file — numbers, missing markers, simple words — takes the parallel <see cref="PlainCsvReader"/>);
/// every problem is reported with the file, line and column.
/// </summary>
public static class CsvReader
{
    public static Table Read(string path, CsvReadOptions? options = null) => Read(path, options, plainPath: true);

    /// <summary>With <paramref name="plainPath"/> false, the general path only (tests compare the two).</summary>
    internal static Table Read(string path, CsvReadOptions? options, bool plainPath)
    {
        options ??= new CsvReadOptions();
        if (!File.Exists(path))
            throw LatheException.BadData($"{path}: file not found. Check the path (relative paths start at the config file's folder).");
        var delimiter = options.Delimiter ?? (StripGz(path).EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');
        var missing = options.MissingMarkers.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var longestMarker = options.MissingMarkers.Select(m => m.Length).DefaultIfEmpty(-1).Max();
        var plain = plainPath ? PlainCsvReader.TryRead(path, delimiter, options) : null;
        if (plain is not null) return plain;
        var rowsHint = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? 0 : CsvLineCount.DataRows(path);
        var invalidLog = options.Log is { KeepInvalidCells: true } log ? log : null;

        string[]? header = null;
        CsvColumnBuilder[] columns = [];
        var lines = new List<int>(rowsHint);
        ForEachRow(path, delimiter, row =>
        {
            if (header is null)
            {
                header = ReadHeader(path, row);
                columns = [.. header.Select((name, c) => new CsvColumnBuilder(path, name, c + 1,
                    options.ColumnKinds.TryGetValue(name, out var kind) ? kind : null, options.NumericShare, rowsHint, invalidLog))];
                return;
            }
            if (!IsData(path, row, header.Length)) return;
            var index = lines.Count;
            var line = row.LineNumberFrom;
            lines.Add(line);
            for (var c = 0; c < columns.Length; c++)
            {
                var cell = row[c];
                columns[c].Add(index, line, cell, cell.Span.Length <= longestMarker && missing.Contains(cell.Span));
            }
        });

        if (header is null) throw LatheException.BadData($"{path}: the file is empty; it needs a header row and data rows.");
        if (lines.Count == 0) throw LatheException.BadData($"{path}: the file has a header but no data rows.");
        foreach (var name in options.ColumnKinds.Keys)
            if (!header.Contains(name))
                throw LatheException.BadConfig($"{path}: column '{name}' named in the column settings is not in the file. Columns are: {string.Join(", ", header)}.");

        var reread = columns.Select((column, c) => column.Finish() ? -1 : c).Where(c => c >= 0).ToArray();
        if (reread.Length > 0) ReadTextsAgain(path, delimiter, missing, columns, reread);
        options.Log?.SetRowLines(lines);
        return new Table(columns.Select(c => c.Build(lines)), source: path);
    }

    /// <summary>
    /// The second pass for columns that looked numeric in their first rows and turned out not to be: their
    /// texts, row for row as in the first pass, so that categories keep their exact spelling.
    /// </summary>
    private static void ReadTextsAgain(string path, char delimiter, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> missing,
        CsvColumnBuilder[] columns, int[] reread)
    {
        var texts = reread.Select(_ => new List<string?>()).ToArray();
        var first = true;
        ForEachRow(path, delimiter, row =>
        {
            if (first) { first = false; return; }
            if (!IsData(path, row, columns.Length)) return;
            for (var k = 0; k < reread.Length; k++)
            {
                var cell = row[reread[k]].Span;
                texts[k].Add(missing.Contains(cell) ? null : cell.ToString());
            }
        });
        for (var k = 0; k < reread.Length; k++) columns[reread[k]].UseTexts(texts[k]);
    }

    private static void ForEachRow(string path, char delimiter, Action<SepReader.Row> onRow)
    {
        try
        {
            using var stream = GzipReadStream.OpenMaybeCompressed(path);
            using var text = new StreamReader(stream, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            using var reader = Sep.New(delimiter).Reader(o => o with
            {
                HasHeader = false,
                Unescape = true,
                Trim = SepTrim.All, // every cell is compared and parsed without its surrounding spaces
                DisableColCountCheck = true,
                CultureInfo = CultureInfo.InvariantCulture,
            }).From(text);
            foreach (var row in reader) onRow(row);
        }
        catch (InvalidDataException e)
        {
            throw LatheException.BadData($"{path}: {e.Message}. Copy or download the file again.");
        }
        catch (Exception e) when (e is not LatheException)
        {
            throw LatheException.BadData($"{path}: not a readable delimited file ({e.Message}).");
        }
    }

    /// <summary>False for a blank line; an error for a row of the wrong width or with a quote left open.</summary>
    private static bool IsData(string path, SepReader.Row row, int width)
    {
        if (row.ColCount == 1 && row.Span.Trim().IsEmpty) return false;
        // A quote that is never closed swallows every following line into one cell: valid rows hold an even
        // number of quote characters (a quote inside a quoted field is doubled).
        if ((row.Span.Count('"') & 1) == 1)
            throw LatheException.BadData(
                $"{path}:{row.LineNumberFrom}: a quote opened in this row is never closed, so the rows after it would be read as one cell. " +
                "Close the quote, or write a quote inside a quoted field as two (\"\").");
        if (row.ColCount != width)
            throw LatheException.BadData(
                $"{path}:{row.LineNumberFrom}: this row has {row.ColCount} fields but the header has {width}. " +
                "Fix the row (a missing or extra delimiter, or an unclosed quote) or remove it.");
        return true;
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
