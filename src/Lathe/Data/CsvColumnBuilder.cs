namespace Lathe.Data;

/// <summary>
/// One column of a CSV file while it is read. A column starts out numeric and takes its cells as float32
/// (no string per cell); the texts of the first <see cref="InferenceRows"/> rows are kept so that a column
/// which shows a non-number early becomes a column of texts at no extra cost. A non-number later is counted;
/// at the end the one inference rule decides between "numeric with typos" (an error naming the first) and
/// "not numeric", which needs the texts again (<see cref="NeedsTexts"/>: the reader reads them in a second pass).
/// </summary>
/// <param name="locate">Names a data row's place for messages ("file.csv:12").</param>
internal sealed class CsvColumnBuilder(string path, string name, int columnNumber, ColumnKind? forced, double numericShare, int rowsHint,
    Func<int, string> locate)
{
    /// <summary>Rows whose texts every column keeps, to change its mind cheaply.</summary>
    public const int InferenceRows = 1000;

    private FloatChunks? _numbers = forced is null or ColumnKind.Numeric ? new FloatChunks(rowsHint) : null;
    private List<string?>? _texts = forced is null or ColumnKind.Numeric ? null : [];
    private List<string?>? _early = forced is null ? [] : null;
    private int _present, _bad, _firstBadRow;
    private string? _firstBad;

    public string Name => name;

    /// <summary>True when the column keeps texts (declared categorical or text, or a word among its early rows).</summary>
    public bool KeepsTexts => _texts is not null;

    /// <summary>True when the column turned out not to be numeric after its early rows: its texts must be read again.</summary>
    public bool NeedsTexts { get; private set; }

    /// <summary>A finite number, parsed already; only for a column that does not keep texts, after its early rows.</summary>
    public void AddNumber(float value)
    {
        _present++;
        _numbers!.Add(value);
    }

    /// <summary>Adds a cell by its trimmed text; <paramref name="missing"/> when it is a missing marker.</summary>
    public void AddCell(int row, ReadOnlySpan<char> cell, bool missing)
    {
        if (_texts is not null)
        {
            _texts.Add(missing ? null : cell.ToString());
            return;
        }
        _early?.Add(missing ? null : cell.ToString());
        if (missing)
        {
            _numbers!.Add(float.NaN);
            return;
        }
        _present++;
        if (ColumnInference.TryParseNumber(cell, out var number))
        {
            if (float.IsInfinity(number)) throw ColumnInference.Infinite(locate(row), name, columnNumber, cell.ToString());
            _numbers!.Add(number);
            return;
        }
        if (forced is ColumnKind.Numeric) throw ColumnInference.NotANumber(locate(row), name, columnNumber, cell.ToString());
        if (_early is not null)
        {
            // Early enough to have every text so far (this cell's too): read the rest as texts and decide at the end.
            _texts = _early;
            _early = null;
            _numbers = null;
            return;
        }
        if (_bad++ == 0)
        {
            _firstBad = cell.ToString();
            _firstBadRow = row;
        }
        _numbers!.Add(float.NaN);
    }

    /// <summary>Called after the early rows: texts are no longer kept for a column that is still numeric.</summary>
    public void EndEarlyRows() => _early = null;

    /// <summary>Cells read again after <see cref="NeedsTexts"/>, replacing what was kept.</summary>
    public void UseTexts(List<string?> texts)
    {
        _texts = texts;
        _numbers = null;
    }

    /// <summary>Decides after the last row: true when the column is complete, false when it needs its texts read again.</summary>
    public bool Finish()
    {
        if (_texts is not null || _bad == 0) return true;
        var numeric = _present >= 10 && _present - _bad >= numericShare * _present;
        if (numeric) throw ColumnInference.NotANumber(locate(_firstBadRow), name, columnNumber, _firstBad!);
        NeedsTexts = true;
        return false;
    }

    public Column Build() => _texts is not null
        ? ColumnInference.FromCells(path, name, columnNumber, _texts, locate, forced, numericShare)
        : new NumericColumn(name, _numbers!.ToArrayAndClear());
}
