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

    /// <summary>
    /// Records the row lines and, when asked to, takes out the cells the reader would refuse: infinite values,
    /// and non-numbers in columns read as numbers (by the reader's own rule: forced numeric, or all / at least
    /// the numeric share of the values are numbers).
    /// </summary>
    internal void Screen(string[] header, List<string?>[] cells, List<int> lines, CsvReadOptions options)
    {
        RowLines = [.. lines];
        if (!keepInvalidCells) return;
        for (var c = 0; c < header.Length; c++)
        {
            var forced = options.ColumnKinds.TryGetValue(header[c], out var kind) ? kind : (ColumnKind?)null;
            if (forced is ColumnKind.Categorical or ColumnKind.Text or ColumnKind.Vector) continue;
            var values = cells[c];
            int present = 0, parsed = 0;
            foreach (var value in values)
            {
                if (value is null) continue;
                present++;
                if (TryParse(value, out _)) parsed++;
            }
            var numeric = forced is ColumnKind.Numeric || present == 0 || parsed == present ||
                          (present >= 10 && parsed >= options.NumericShare * present);
            for (var i = 0; i < values.Count; i++)
            {
                var value = values[i];
                if (value is null) continue;
                var valid = TryParse(value, out var number);
                // The reader refuses an infinite value in any column; text in a column of numbers only.
                if (valid ? !float.IsInfinity(number) : !numeric) continue;
                _invalid.Add(new InvalidCell(header[c], i, lines[i], value, Infinite: valid));
                values[i] = null;
            }
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
