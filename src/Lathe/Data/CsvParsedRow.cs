using System.Buffers;
using nietras.SeparatedValues;

namespace Lathe.Data;

/// <summary>
/// One row as a worker thread parsed it, for the reader to take in file order: the finite numbers of the
/// numeric columns, and the text of every other cell (<see cref="Texts"/>; null where the number is in
/// <see cref="Values"/>). Sep's row and line numbers are not reliable inside its parallel enumeration, so a
/// row carries none: the reader counts rows itself.
/// </summary>
internal sealed class CsvParsedRow
{
    public enum Status { Data, Blank, Ragged, OpenQuote }

    /// <summary>Marks a cell that holds a missing marker (compared by reference).</summary>
    public static readonly string MissingCell = new('\0', 1);

    private static readonly CsvParsedRow BlankRow = new() { Kind = Status.Blank };

    public Status Kind { get; private init; }

    public int ColCount { get; private init; }

    /// <summary>Rented from the shared pool; the reader returns it.</summary>
    public float[] Values { get; private init; } = [];

    public string?[]? Texts { get; private init; }

    public static CsvParsedRow Parse(SepReader.Row row, int width, bool[] keepsText,
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> missing, int longestMarker)
    {
        if (row.ColCount == 1 && row.Span.Trim().IsEmpty) return BlankRow;
        if ((row.Span.Count('"') & 1) == 1) return new CsvParsedRow { Kind = Status.OpenQuote };
        if (row.ColCount != width) return new CsvParsedRow { Kind = Status.Ragged, ColCount = row.ColCount };
        var values = ArrayPool<float>.Shared.Rent(width);
        string?[]? texts = null;
        for (var c = 0; c < width; c++)
        {
            var col = row[c];
            var cell = col.Span;
            var isMissing = cell.Length <= longestMarker && missing.Contains(cell);
            if (!keepsText[c] && !isMissing && col.TryParse<float>() is { } number && float.IsFinite(number))
            {
                values[c] = number;
                continue;
            }
            texts ??= new string?[width];
            texts[c] = isMissing ? MissingCell : cell.ToString();
        }
        return new CsvParsedRow { Kind = Status.Data, ColCount = width, Values = values, Texts = texts };
    }
}
