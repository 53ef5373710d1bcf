using System.Text;
using Lathe.IO;

namespace Lathe.Data;

/// <summary>
/// The fast path of <see cref="CsvReader"/> for the most common large file: a header, then rows of plain numbers
/// (or missing markers), one row per line, UTF-8. It reads the bytes in blocks, cuts each block at line ends into one
/// part per core and parses the parts in parallel straight into the float32 columns — no text decoding, no string per
/// cell. Every line is checked as it is parsed (a field too many or too few, a quote, a space, a word, a blank line);
/// at the first thing it does not handle it gives up and returns null, and <see cref="CsvReader"/> reads the file
/// the general way, which then reports any problem with its line. So when this path answers, it answers exactly what
/// the general path would.
/// </summary>
internal static class PlainNumericCsvReader
{
    private const int BlockBytes = 8 << 20;

    /// <summary>The table, or null when the file is not plain numbers (or anything else is unusual).</summary>
    public static Table? TryRead(string path, char delimiter, CsvReadOptions options)
    {
        if (delimiter > 127 || options.ColumnKinds.Values.Any(k => k != ColumnKind.Numeric)) return null;
        try
        {
            return Read(path, (byte)delimiter, options);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null; // the general path reads it again and words the error
        }
    }

    private static Table? Read(string path, byte delimiter, CsvReadOptions options)
    {
        using var stream = GzipReadStream.OpenMaybeCompressed(path);
        // One spare byte: a last line without a line break gets one, so every block ends with '\n' (the parser's stop).
        var buffer = new byte[BlockBytes + 1];
        var filled = stream.ReadAtLeast(buffer.AsSpan(0, BlockBytes), BlockBytes, throwOnEndOfStream: false);
        var atEnd = filled < BlockBytes;
        var headerEnd = buffer.AsSpan(0, filled).IndexOf((byte)'\n');
        if (headerEnd < 0) return null;
        var header = Header(buffer.AsSpan(0, headerEnd), delimiter);
        if (header is null || options.ColumnKinds.Keys.Any(name => !header.Contains(name))) return null;

        var missing = options.MissingMarkers.Select(m => Encoding.UTF8.GetBytes(m)).ToArray();
        var columns = new PlainColumns(header.Length, InitialRows(path, stream, buffer.AsSpan(headerEnd + 1, filled - headerEnd - 1)));
        var start = headerEnd + 1;
        while (true)
        {
            if (atEnd && filled > start && buffer[filled - 1] != (byte)'\n') buffer[filled++] = (byte)'\n';
            var take = buffer.AsSpan(start, filled - start).LastIndexOf((byte)'\n') + 1;
            if (take == 0 && !atEnd) return null; // one line longer than a block
            if (!ParseBlock(buffer, start, take, columns, delimiter, missing)) return null;
            if (atEnd) break;
            var rest = filled - start - take;
            buffer.AsSpan(start + take, rest).CopyTo(buffer);
            filled = rest + stream.ReadAtLeast(buffer.AsSpan(rest, BlockBytes - rest), BlockBytes - rest, throwOnEndOfStream: false);
            atEnd = filled < BlockBytes;
            start = 0;
        }
        if (columns.Rows == 0) return null;
        options.Log?.SetRowLines([.. Enumerable.Range(2, columns.Rows)]);
        return new Table(columns.Finish().Select((values, c) => (Column)new NumericColumn(header[c], values)), source: path);
    }

    /// <summary>The column names, or null for a header the general path must judge (quotes, an odd encoding, duplicates).</summary>
    private static string[]? Header(ReadOnlySpan<byte> line, byte delimiter)
    {
        if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
        if (line.EndsWith((byte)'\r')) line = line[..^1];
        if (line.IndexOfAny((byte)'"', (byte)'\r', (byte)0) >= 0 || line.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || line.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return null;
        var names = Encoding.UTF8.GetString(line).Split((char)delimiter).Select((n, c) => n.Trim() is { Length: > 0 } t ? t : $"column{c + 1}").ToArray();
        return names.Distinct(StringComparer.Ordinal).Count() == names.Length ? names : null;
    }

    /// <summary>
    /// Rows to make room for: exact for an uncompressed file (its line breaks counted), so the columns are filled
    /// in place and never copied; for a compressed one a guess from the first block, grown as needed.
    /// </summary>
    private static int InitialRows(string path, Stream stream, ReadOnlySpan<byte> sample)
    {
        if (stream is FileStream) return CsvLineCount.DataRows(path);
        var lines = Math.Max(sample.Count((byte)'\n'), 1);
        // A text of numbers compresses about 3:1.
        return (int)Math.Min(Math.Max(lines, (long)lines * 3 * new FileInfo(path).Length / Math.Max(sample.Length, 1)), Array.MaxLength);
    }

    /// <summary>Parses the lines of one block (it ends with '\n'), one part per core; false when any part is not plain.</summary>
    private static bool ParseBlock(byte[] buffer, int start, int length, PlainColumns columns, byte delimiter, byte[][] missing)
    {
        var block = buffer.AsSpan(start, length);
        var parts = length < 1 << 16 ? 1 : Math.Clamp(Environment.ProcessorCount, 1, 16);
        var bounds = new int[parts + 1];
        var firstRows = new int[parts + 1];
        firstRows[0] = columns.Rows;
        for (var p = 1; p <= parts; p++)
        {
            var from = Math.Max((int)((long)length * p / parts), bounds[p - 1]);
            var next = block[from..].IndexOf((byte)'\n');
            bounds[p] = p == parts || next < 0 ? length : from + next + 1;
            firstRows[p] = firstRows[p - 1] + block[bounds[p - 1]..bounds[p]].Count((byte)'\n');
        }
        columns.EnsureRows(firstRows[parts]);
        var ok = true;
        if (parts == 1) ok = ParsePart(block, firstRows[0], columns.Values, delimiter, missing);
        else
            Parallel.For(0, parts, (p, state) =>
            {
                if (ParsePart(buffer.AsSpan(start + bounds[p], bounds[p + 1] - bounds[p]), firstRows[p], columns.Values, delimiter, missing)) return;
                ok = false;
                state.Stop();
            });
        columns.Rows = firstRows[parts];
        return ok;
    }

    /// <summary>Parses whole lines (the part ends with '\n') into rows <paramref name="row"/>…; false at the first cell or line that is not plain.</summary>
    private static bool ParsePart(ReadOnlySpan<byte> part, int row, float[][] values, byte delimiter, byte[][] missing)
    {
        var width = values.Length;
        var i = 0;
        while (i < part.Length)
        {
            for (var c = 0; c < width; c++)
            {
                var last = c == width - 1;
                var end = Utf8FloatParser.Scan(part, i, out var value);
                if (end < 0 || part[end] is not (byte)'\n' and not (byte)'\r' && part[end] != delimiter)
                {
                    // Not a number: only a missing marker is plain (a blank line in a one-column file is skipped by the general path).
                    var cell = part[i..];
                    cell = cell[..cell.IndexOfAny(delimiter, (byte)'\n')];
                    if (last && cell.EndsWith((byte)'\r')) cell = cell[..^1];
                    if (!IsMissing(cell, missing) || (width == 1 && cell.IsEmpty)) return false;
                    (end, value) = (i + cell.Length, float.NaN);
                }
                if (!last) { if (part[end] != delimiter) return false; i = end + 1; }
                else if (part[end] == (byte)'\n') i = end + 1;
                else if (part[end] == (byte)'\r' && part[end + 1] == (byte)'\n') i = end + 2;
                else return false;
                values[c][row] = value;
            }
            row++;
        }
        return true;
    }

    private static bool IsMissing(ReadOnlySpan<byte> cell, byte[][] missing)
    {
        foreach (var marker in missing)
            if (cell.SequenceEqual(marker)) return true;
        return false;
    }
}
