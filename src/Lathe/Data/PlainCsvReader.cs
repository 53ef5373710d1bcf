using System.Text;
using Lathe.IO;

namespace Lathe.Data;

/// <summary>
/// The fast path of <see cref="CsvReader"/> for the most common large file: a header, then plain cells, one row per
/// line, UTF-8 — numbers and missing markers, and words (bare or simply quoted) in the columns that start with a word. It
/// reads the bytes in blocks, cuts each block at line ends into one part per core and parses the parts in parallel:
/// numbers straight into the float32 columns (no text decoding, no string per cell), words into per-part lists that
/// are joined in file order and typed by the same rule as the general path (<see cref="ColumnInference.FromCells"/>).
/// Every line is checked as it is parsed (a field too many or too few, a quote, a space around a cell, a word in a
/// numeric column, a blank line); at the first thing it does not handle it gives up and returns null, and
/// <see cref="CsvReader"/> reads the file the general way, which then reports any problem with its line. So when
/// this path answers, it answers exactly what the general path would.
/// </summary>
internal static class PlainCsvReader
{
    private const int BlockBytes = 4 << 20;

    /// <summary>The table, or null when the file is not plain (or anything else is unusual).</summary>
    public static Table? TryRead(string path, char delimiter, CsvReadOptions options)
    {
        if (delimiter > 127 || options.ColumnKinds.Values.Any(k => k == ColumnKind.Vector)) return null;
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
        // A small file gets a buffer of its own size, not two blocks.
        var blockBytes = stream is FileStream file ? (int)Math.Min(BlockBytes, file.Length + 1) : BlockBytes;
        var buffer = new byte[blockBytes + 1];
        var filled = stream.ReadAtLeast(buffer.AsSpan(0, blockBytes), blockBytes, throwOnEndOfStream: false);
        var atEnd = filled < blockBytes;
        var headerEnd = buffer.AsSpan(0, filled).IndexOf((byte)'\n');
        if (headerEnd < 0) return null;
        var header = Header(buffer.AsSpan(0, headerEnd), delimiter);
        if (header is null || options.ColumnKinds.Keys.Any(name => !header.Contains(name))) return null;

        var missing = options.MissingMarkers.Select(m => Encoding.UTF8.GetBytes(m)).ToArray();
        var start = headerEnd + 1;
        if (atEnd && filled > start && buffer[filled - 1] != (byte)'\n') buffer[filled++] = (byte)'\n';
        var forced = header.Select(name => options.ColumnKinds.TryGetValue(name, out var kind) ? kind : (ColumnKind?)null).ToArray();
        if (TextColumns(buffer.AsSpan(start, filled - start), forced, delimiter, missing) is not { } isText) return null;
        var columns = new PlainColumns(isText, InitialRows(path, stream, buffer.AsSpan(start, filled - start)));
        // Two buffers: the next block is read (and decompressed) into one while the other is parsed.
        var next = atEnd ? [] : new byte[blockBytes + 1];
        while (true)
        {
            var take = buffer.AsSpan(start, filled - start).LastIndexOf((byte)'\n') + 1;
            if (take == 0 && !atEnd) return null; // one line longer than a block
            var rest = filled - start - take; // a line cut by the block's end: it starts the next block
            var target = next;
            var reading = atEnd ? null : Task.Run(() => stream.ReadAtLeast(target.AsSpan(rest, blockBytes - rest), blockBytes - rest, throwOnEndOfStream: false));
            var parsed = ParseBlock(buffer, start, take, columns, delimiter, missing);
            var read = reading?.GetAwaiter().GetResult() ?? 0; // wait for the read even when giving up: it writes into next
            if (!parsed) return null;
            if (atEnd) break;
            buffer.AsSpan(start + take, rest).CopyTo(next);
            (buffer, next) = (next, buffer);
            filled = rest + read;
            atEnd = filled < blockBytes;
            if (atEnd && filled > 0 && buffer[filled - 1] != (byte)'\n') buffer[filled++] = (byte)'\n';
            start = 0;
        }
        return columns.Rows == 0 ? null : Build(path, header, forced, columns, options);
    }

    /// <summary>
    /// The table from the parsed columns; null when a column of words does not type cleanly (the general path then
    /// reads the file and words the error). Cells the invalid-cell log takes are only handed over on success.
    /// </summary>
    private static Table? Build(string path, string[] header, ColumnKind?[] forced, PlainColumns parsed, CsvReadOptions options)
    {
        var lines = Enumerable.Range(2, parsed.Rows).ToArray();
        var screened = options.Log is { KeepInvalidCells: true } ? new CsvReadLog(keepInvalidCells: true) : null;
        var values = parsed.Finish();
        var columns = new Column[header.Length];
        try
        {
            for (var c = 0; c < header.Length; c++)
            {
                if (parsed.Texts[c] is not { } texts)
                {
                    columns[c] = new NumericColumn(header[c], values[c]);
                    continue;
                }
                screened?.ScreenTexts(header[c], texts, lines, forced[c], options.NumericShare);
                columns[c] = ColumnInference.FromCells(path, header[c], c + 1, texts, i => $"{path}:{lines[i]}", forced[c], options.NumericShare);
            }
        }
        catch (LatheException)
        {
            return null;
        }
        options.Log?.SetRowLines(lines);
        foreach (var cell in screened?.InvalidCells ?? []) options.Log!.Add(cell);
        return new Table(columns, source: path);
    }

    /// <summary>
    /// Which columns hold words: those forced to categorical or text, and unforced ones whose first non-missing cell in
    /// the first block is not a number (a word after a number sends the file the general way). Null when the
    /// rows read to decide are not plain.
    /// </summary>
    private static bool[]? TextColumns(ReadOnlySpan<byte> rows, ColumnKind?[] forced, byte delimiter, byte[][] missing)
    {
        var width = forced.Length;
        var isText = forced.Select(kind => kind is ColumnKind.Categorical or ColumnKind.Text).ToArray();
        var decided = forced.Select(kind => kind is not null).ToArray();
        var i = 0;
        while (i < rows.Length && decided.Contains(false))
            for (var c = 0; c < width; c++)
            {
                var last = c == width - 1;
                var cell = CellAt(rows, i, last, delimiter);
                var after = i + cell.Length + (last && rows[i + cell.Length] == (byte)'\r' ? 1 : 0);
                if (rows[after] != (last ? (byte)'\n' : delimiter)) return null; // a field too many or too few
                if (!decided[c] && !IsMissing(cell, missing))
                    (decided[c], isText[c]) = (true, Utf8FloatParser.Scan(rows, i, out _) != i + cell.Length);
                i = after + 1;
            }
        return isText;
    }

    /// <summary>The column names, or null for a header the general path must judge (inner quotes, an odd encoding, duplicates).</summary>
    private static string[]? Header(ReadOnlySpan<byte> line, byte delimiter)
    {
        if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
        if (line.EndsWith((byte)'\r')) line = line[..^1];
        if (line.IndexOfAny((byte)'\r', (byte)0) >= 0 || line.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || line.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return null;
        var names = new List<string>();
        foreach (var range in line.Split(delimiter))
        {
            var field = line[range];
            string name;
            if (field.Contains((byte)'"'))
            {
                if (!TryReadWord(field, out var word)) return null;
                name = Encoding.UTF8.GetString(word);
            }
            else name = Encoding.UTF8.GetString(field).Trim();
            names.Add(name.Length > 0 ? name : $"column{names.Count + 1}");
        }
        return names.Distinct(StringComparer.Ordinal).Count() == names.Count ? [.. names] : null;
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
        var texts = Enumerable.Range(0, parts).Select(p => columns.Texts.Select(t => t is null ? null : new List<string?>(firstRows[p + 1] - firstRows[p])).ToArray()).ToArray();
        var ok = true;
        if (parts == 1) ok = ParsePart(block, firstRows[0], columns.Values, texts[0], delimiter, missing);
        else
            Parallel.For(0, parts, (p, state) =>
            {
                if (ParsePart(buffer.AsSpan(start + bounds[p], bounds[p + 1] - bounds[p]), firstRows[p], columns.Values, texts[p], delimiter, missing)) return;
                ok = false;
                state.Stop();
            });
        if (!ok) return false;
        for (var c = 0; c < columns.Texts.Length; c++)
            foreach (var part in texts)
                columns.Texts[c]?.AddRange(part[c]!);
        columns.Rows = firstRows[parts];
        return true;
    }

    /// <summary>
    /// Parses whole lines (the part ends with '\n') into rows <paramref name="row"/>…: numbers into
    /// <paramref name="values"/>, words into <paramref name="texts"/> (null for numeric columns); false at the first
    /// cell or line that is not plain.
    /// </summary>
    private static bool ParsePart(ReadOnlySpan<byte> part, int row, float[][] values, List<string?>?[] texts, byte delimiter, byte[][] missing)
    {
        var width = values.Length;
        var cache = new WordCache();
        var i = 0;
        while (i < part.Length)
        {
            for (var c = 0; c < width; c++)
            {
                var last = c == width - 1;
                var value = float.NaN;
                var end = texts[c] is null ? Utf8FloatParser.Scan(part, i, out value) : -1;
                if (end < 0 || part[end] is not (byte)'\n' and not (byte)'\r' && part[end] != delimiter)
                {
                    var cell = CellAt(part, i, last, delimiter);
                    // A blank line in a one-column file is skipped by the general path, not read as a missing cell.
                    if (width == 1 && cell.IsEmpty) return false;
                    if (texts[c] is { } words)
                    {
                        if (!TryReadWord(cell, out var word)) return false;
                        words.Add(IsMissing(word, missing) ? null : cache.Get(word));
                    }
                    else if (!IsMissing(cell, missing)) return false; // a word in a numeric column
                    (end, value) = (i + cell.Length, float.NaN);
                }
                if (!last) { if (part[end] != delimiter) return false; i = end + 1; }
                else if (part[end] == (byte)'\n') i = end + 1;
                else if (part[end] == (byte)'\r' && part[end + 1] == (byte)'\n') i = end + 2;
                else return false;
                if (texts[c] is null) values[c][row] = value;
            }
            row++;
        }
        return true;
    }

    /// <summary>
    /// The cell that starts at <paramref name="start"/>: up to the next delimiter or line break (the text ends with
    /// one), without the carriage return of a CRLF line end when it is the row's last cell.
    /// </summary>
    private static ReadOnlySpan<byte> CellAt(ReadOnlySpan<byte> text, int start, bool last, byte delimiter)
    {
        var cell = text[start..];
        cell = cell[..cell.IndexOfAny(delimiter, (byte)'\n')];
        return last && cell.EndsWith((byte)'\r') ? cell[..^1] : cell;
    }

    /// <summary>
    /// A word cell as the general path reads it: as it stands, or "quoted" without its quotes (as R and spreadsheets
    /// write every word). False for anything the general path would change or split differently: a quote inside or
    /// unbalanced (a quoted delimiter or line break shows up as one), a carriage return, spaces to trim.
    /// </summary>
    private static bool TryReadWord(ReadOnlySpan<byte> cell, out ReadOnlySpan<byte> word)
    {
        word = cell.Length >= 2 && cell[0] == (byte)'"' && cell[^1] == (byte)'"' ? cell[1..^1] : cell;
        return word.IndexOfAny((byte)'"', (byte)'\r') < 0 &&
               (word.IsEmpty || (word[0] is not (byte)' ' and not (byte)'\t' && word[^1] is not (byte)' ' and not (byte)'\t'));
    }

    private static bool IsMissing(ReadOnlySpan<byte> cell, byte[][] missing)
    {
        foreach (var marker in missing)
            if (cell.SequenceEqual(marker)) return true;
        return false;
    }
}
