using System.Globalization;

namespace Lathe.Data;

/// <summary>
/// What a CSV read records beside the table when <see cref="CsvReadOptions.Log"/> is set: the file line of
/// every row, and — when <see cref="KeepInvalidCells"/> is on — the cells of numeric columns that hold no
/// valid number (infinite values, typos such as "1O"). Those cells are then read as missing and listed
/// here instead of failing the read, so a cleaning step can count, drop or impute them.
/// </summary>
public sealed class CsvReadLog(bool keepInvalidCells = false)
{
    private readonly List<InvalidCell> _invalid = [];

    public bool KeepInvalidCells => keepInvalidCells;

    /// <summary>The 1-based file line of each row of the table read.</summary>
    public IReadOnlyList<int> RowLines { get; private set; } = [];

    public IReadOnlyList<InvalidCell> InvalidCells => _invalid;

    internal void SetRowLines(IReadOnlyList<int> lines) => RowLines = [.. lines];

    internal void Add(InvalidCell cell) => _invalid.Add(cell);

    /// <summary>
    /// For a column the reader kept as texts: takes out the cells it would refuse — infinite values, and non-numbers
    /// in a column read as numbers (by the reader's own rule: forced numeric, or all / at least the numeric share of
    /// the values are numbers) — leaving them missing.
    /// </summary>
    internal void ScreenTexts(string column, List<string?> values, IReadOnlyList<int> lines, ColumnKind? forced, double numericShare)
    {
        if (forced is ColumnKind.Categorical or ColumnKind.Text or ColumnKind.Vector) return;
        // One parse per cell: 0 missing, 1 a finite number, 2 infinite, 3 not a number.
        var state = new byte[values.Count];
        int present = 0, parsed = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value) continue;
            present++;
            if (TryParse(value, out var number)) { parsed++; state[i] = float.IsInfinity(number) ? (byte)2 : (byte)1; }
            else state[i] = 3;
        }
        var numeric = forced is ColumnKind.Numeric || present == 0 || parsed == present ||
                      (present >= 10 && parsed >= numericShare * present);
        for (var i = 0; i < values.Count; i++)
        {
            // The reader refuses an infinite value in any column; text in a column of numbers only.
            if (state[i] is not 2 && !(state[i] is 3 && numeric)) continue;
            _invalid.Add(new InvalidCell(column, i, lines[i], values[i]!, Infinite: state[i] == 2));
            values[i] = null;
        }
    }

    /// <summary>The reader's number rule: invariant-culture numbers plus the infinity spellings (inf, -Inf, Infinity).</summary>
    private static bool TryParse(string text, out float number)
    {
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)) return true;
        var unsigned = text.TrimStart('+', '-');
        number = text.StartsWith('-') ? float.NegativeInfinity : float.PositiveInfinity;
        return unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase);
    }
}
