using nietras.SeparatedValues;

namespace Lathe.Data;

/// <summary>
/// One column of a CSV file while it is read. A column starts out numeric and parses each cell straight
/// into float32 (no string per cell); the texts of the first rows are kept so that a column which shows a
/// non-number early becomes a column of texts at no extra cost. A non-number later is counted; at the end the
/// one inference rule decides between "numeric with typos" (an error naming the first) and "not numeric",
/// which needs the texts again (<see cref="NeedsTexts"/>: the reader reads them in a second pass).
/// With an <paramref name="invalid"/> log (data.clean.invalid: drop or impute), the cells the reader would refuse —
/// infinite values, non-numbers in a numeric column — are read as missing and listed there instead.
/// </summary>
internal sealed class CsvColumnBuilder(string path, string name, int columnNumber, ColumnKind? forced, double numericShare, int rowsHint,
    CsvReadLog? invalid = null)
{
    /// <summary>Rows whose texts every column keeps, to change its mind cheaply.</summary>
    public const int InferenceRows = 1000;

    private FloatChunks? _numbers = forced is null or ColumnKind.Numeric ? new FloatChunks(rowsHint) : null;
    private List<string?>? _texts = forced is null or ColumnKind.Numeric ? null : [];
    private List<string?>? _early = forced is null ? [] : null;
    private int _present, _bad, _firstBadLine;
    private string? _firstBad;
    // Cells set aside for the invalid log, handed over in Finish if the column stays numeric (a column that turns to
    // texts has its texts screened instead, so nothing is listed twice).
    private readonly List<InvalidCell>? _setAside = invalid is null ? null : [];

    public string Name => name;

    /// <summary>True when the column turned out not to be numeric after its early rows: its texts must be read again.</summary>
    public bool NeedsTexts { get; private set; }

    /// <summary>Adds a cell (its trimmed text); <paramref name="missing"/> when it is a missing marker.</summary>
    public void Add(int row, int line, SepReader.Col col, bool missing)
    {
        // The common case first: a numeric column past its early rows, and a finite number.
        if (_early is null && _numbers is not null && !missing && col.TryParse<float>() is { } quick && float.IsFinite(quick))
        {
            _present++;
            _numbers.Add(quick);
            return;
        }
        var cell = col.Span;
        if (_texts is not null)
        {
            _texts.Add(missing ? null : cell.ToString());
            return;
        }
        if (_early is not null)
        {
            if (row < InferenceRows) _early.Add(missing ? null : cell.ToString());
            else _early = null; // past the early rows: stop keeping texts
        }
        if (missing)
        {
            _numbers!.Add(float.NaN);
            return;
        }
        _present++;
        // Sep's parser (fast_float, several times faster) first; .NET's for what it does not take.
        if (col.TryParse<float>() is { } number || ColumnInference.TryParseNumber(cell, out number))
        {
            if (float.IsInfinity(number))
            {
                if (_setAside is null) throw ColumnInference.Infinite($"{path}:{line}", name, columnNumber, cell.ToString());
                _setAside.Add(new InvalidCell(name, row, line, cell.ToString(), Infinite: true));
                number = float.NaN;
            }
            _numbers!.Add(number);
            return;
        }
        if (forced is ColumnKind.Numeric)
        {
            if (_setAside is null) throw ColumnInference.NotANumber($"{path}:{line}", name, columnNumber, cell.ToString());
            _setAside.Add(new InvalidCell(name, row, line, cell.ToString(), Infinite: false));
            _numbers!.Add(float.NaN);
            return;
        }
        if (_early is not null)
        {
            // Early enough to have every text so far (this cell's too): read the rest as texts and decide at the end.
            _texts = _early;
            _early = null;
            _numbers = null;
            _setAside?.Clear();
            return;
        }
        if (_bad++ == 0)
        {
            _firstBad = cell.ToString();
            _firstBadLine = line;
        }
        _setAside?.Add(new InvalidCell(name, row, line, cell.ToString(), Infinite: false));
        _numbers!.Add(float.NaN);
    }

    /// <summary>Cells read again after <see cref="NeedsTexts"/>, replacing what was kept.</summary>
    public void UseTexts(List<string?> texts)
    {
        _texts = texts;
        _numbers = null;
    }

    /// <summary>Decides after the last row: true when the column is complete, false when it needs its texts read again.</summary>
    public bool Finish()
    {
        if (_texts is not null) return true;
        var numeric = _bad == 0 || (_present >= 10 && _present - _bad >= numericShare * _present);
        if (numeric && _setAside is not null)
        {
            foreach (var cell in _setAside) invalid!.Add(cell); // infinities and typos, read as missing
            return true;
        }
        if (numeric) return _bad == 0 ? true : throw ColumnInference.NotANumber($"{path}:{_firstBadLine}", name, columnNumber, _firstBad!);
        _setAside?.Clear();
        NeedsTexts = true;
        return false;
    }

    public Column Build(IReadOnlyList<int> lines)
    {
        if (_texts is null) return new NumericColumn(name, _numbers!.ToArrayAndClear());
        invalid?.ScreenTexts(name, _texts, lines, forced, numericShare);
        return ColumnInference.FromCells(path, name, columnNumber, _texts, i => $"{path}:{lines[i]}", forced, numericShare);
    }
}
