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
        var buffer = new byte[BlockBytes];
        var filled = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var atEnd = filled < buffer.Length;
        var headerEnd = buffer.AsSpan(0, filled).IndexOf((byte)'\n');
        if (headerEnd < 0) return null;
        var header = Header(buffer.AsSpan(0, headerEnd), delimiter);
        if (header is null || options.ColumnKinds.Keys.Any(name => !header.Contains(name))) return null;

        var missing = options.MissingMarkers.Select(m => Encoding.UTF8.GetBytes(m)).ToArray();
        var columns = new PlainColumns(header.Length, InitialRows(path, stream, filled - headerEnd - 1, buffer.AsSpan(headerEnd + 1, filled - headerEnd - 1)));
        var start = headerEnd + 1;
        while (true)
        {
            var available = buffer.AsSpan(start, filled - start);
            var take = atEnd ? available.Length : available.LastIndexOf((byte)'\n') + 1;
            if (take == 0 && !atEnd) return null; // one line longer than a block
            if (!ParseBlock(buffer, start, take, atEnd, columns, delimiter, missing)) return null;
            if (atEnd) break;
            var rest = available.Length - take;
            buffer.AsSpan(start + take, rest).CopyTo(buffer);
            filled = rest + stream.ReadAtLeast(buffer.AsSpan(rest), buffer.Length - rest, throwOnEndOfStream: false);
            atEnd = filled < buffer.Length;
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
    private static int InitialRows(string path, Stream stream, int sampleBytes, ReadOnlySpan<byte> sample)
    {
        if (stream is FileStream) return CsvLineCount.DataRows(path);
        var lines = Math.Max(sample.Count((byte)'\n'), 1);
        return (int)Math.Min(Math.Max(lines, (long)lines * 4 * Math.Max(1, new FileInfo(path).Length) / Math.Max(sampleBytes, 1)), Array.MaxLength);
    }

    /// <summary>Parses the lines of one block, one part per core; false when any part is not plain.</summary>
    private static bool ParseBlock(byte[] buffer, int start, int length, bool endOfFile, PlainColumns columns, byte delimiter, byte[][] missing)
    {
        var block = buffer.AsSpan(start, length);
        var parts = Math.Clamp(Environment.ProcessorCount, 1, 16);
        if (block.Length < 1 << 16) parts = 1;
        var bounds = new int[parts + 1];
        var firstRows = new int[parts + 1];
        firstRows[0] = columns.Rows;
        for (var p = 1; p <= parts; p++)
        {
            var cut = p == parts ? block.Length : (int)((long)block.Length * p / parts);
            if (p < parts)
            {
                var next = block[cut..].IndexOf((byte)'\n');
                cut = next < 0 ? block.Length : cut + next + 1;
            }
            bounds[p] = Math.Max(cut, bounds[p - 1]);
            var part = block[bounds[p - 1]..bounds[p]];
            var rows = part.Count((byte)'\n') + (p == parts && endOfFile && part.Length > 0 && part[^1] != (byte)'\n' ? 1 : 0);
            firstRows[p] = firstRows[p - 1] + rows;
        }
        columns.EnsureRows(firstRows[parts]);
        var ok = true;
        if (parts == 1) ok = ParsePart(block, firstRows[0], columns.Values, delimiter, missing);
        else
        {
            Parallel.For(0, parts, (p, state) =>
            {
                if (!ParsePart(buffer.AsSpan(start + bounds[p], bounds[p + 1] - bounds[p]), firstRows[p], columns.Values, delimiter, missing))
                {
                    ok = false;
                    state.Stop();
                }
            });
        }
        columns.Rows = firstRows[parts];
        return ok;
    }

    /// <summary>Parses whole lines into rows <paramref name="row"/>…; false at the first cell or line that is not plain.</summary>
    private static bool ParsePart(ReadOnlySpan<byte> part, int row, float[][] values, byte delimiter, byte[][] missing)
    {
        var width = values.Length;
        var pos = 0;
        while (pos < part.Length)
        {
            for (var c = 0; c < width; c++)
            {
                var rest = part[pos..];
                var used = Utf8FloatParser.Scan(rest, out var value);
                var last = c == width - 1;
                if (used == 0 || !EndsCell(rest, used, last, delimiter, out var next))
                {
                    // Not a number: only a missing marker is plain (an empty line with one column is skipped by the general path).
                    var end = rest.IndexOfAny(delimiter, (byte)'\n');
                    var cell = end < 0 ? rest : rest[..end];
                    if (last && cell.EndsWith((byte)'\r')) cell = cell[..^1];
                    if (!IsMissing(cell, missing) || (width == 1 && cell.IsEmpty) || !EndsCell(rest, cell.Length, last, delimiter, out next)) return false;
                    value = float.NaN;
                }
                values[c][row] = value;
                pos += next;
            }
            row++;
        }
        return true;
    }

    /// <summary>True when the cell's <paramref name="used"/> bytes are followed by the delimiter (or the line's end for the last column).</summary>
    private static bool EndsCell(ReadOnlySpan<byte> rest, int used, bool last, byte delimiter, out int next)
    {
        next = used + 1;
        if (!last) return used < rest.Length && rest[used] == delimiter;
        if (used == rest.Length) { next = used; return true; } // the file's last line, without a line break
        if (rest[used] == (byte)'\n') return true;
        next = used + 2;
        return rest[used] == (byte)'\r' && used + 1 < rest.Length && rest[used + 1] == (byte)'\n';
    }

    private static bool IsMissing(ReadOnlySpan<byte> cell, byte[][] missing)
    {
        foreach (var marker in missing)
            if (cell.SequenceEqual(marker)) return true;
        return false;
    }
}
