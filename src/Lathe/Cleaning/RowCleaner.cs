using Lathe.Data;

namespace Lathe.Cleaning;

/// <summary>The rows a <see cref="RowCleaner"/> kept, and everything it found and dropped.</summary>
/// <param name="KeptRows">For each row of <see cref="Table"/>, its 0-based row in the table as read.</param>
public sealed record RowCleaning(
    Table Table, int[] KeptRows, RowOrigin Origin, int RowsRead, IReadOnlyDictionary<string, ColumnFindings> Columns, int Duplicates,
    IReadOnlyList<DroppedRow> Dropped);

/// <summary>
/// The cleaning rules that need no statistic, so they may run on a whole file before it is split: invalid
/// cells (error, drop or set missing), rows with gaps (missing: drop) and duplicate rows. Every dropped row
/// is listed with its reason. Columns with the Ignore role (ids) are not compared and never cause a drop.
/// </summary>
public static class RowCleaner
{
    /// <param name="target">The target column, whose invalid cells always drop their row (a target cannot be imputed); null when there is none.</param>
    /// <param name="unlabeledRows">Rows without a target are kept as unlabeled rows (self-training), never refused or dropped for it.</param>
    public static RowCleaning Clean(Table table, CleaningOptions options, RowOrigin origin, string? target = null, bool unlabeledRows = false)
    {
        var rows = table.RowCount;
        var consideredNames = table.Columns.Where(c => table.RoleOf(c.Name) != ColumnRole.Ignore).Select(c => c.Name).ToList();
        var considered = consideredNames.ToHashSet(StringComparer.Ordinal);
        var invalid = InvalidCellsOf(ref table, options, origin);

        var reason = new string?[rows];
        var kind = new DropKind[rows];
        foreach (var cell in invalid)
        {
            if (reason[cell.Row] is not null || !considered.Contains(cell.Column)) continue;
            if (options.Invalid == InvalidPolicy.Drop || cell.Column == target)
                (reason[cell.Row], kind[cell.Row]) = ($"invalid value '{cell.Text}' in '{cell.Column}'", DropKind.Invalid);
        }

        var invalidCount = invalid.GroupBy(c => c.Column).ToDictionary(g => g.Key, g => g.Count());
        var findings = new Dictionary<string, ColumnFindings>(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            if (!considered.Contains(column.Name)) continue;
            var bad = invalidCount.GetValueOrDefault(column.Name);
            findings[column.Name] = new ColumnFindings(column.CountMissing() - bad, bad);
        }

        if (target is not null && !unlabeledRows && options.Missing != MissingPolicy.Drop && table.Contains(target))
        {
            var isInvalid = invalid.Where(c => c.Column == target).Select(c => c.Row).ToHashSet();
            var gap = Enumerable.Range(0, rows).FirstOrDefault(r => table[target].IsMissing(r) && !isInvalid.Contains(r), -1);
            if (gap >= 0)
                throw LatheException.BadData(
                    $"{origin.Where(gap)}: no value in the target column '{target}'. Fill it in, remove the row, set data.clean.missing: drop, " +
                    "or let train.self_training pseudo-label such rows (docs/labeling.md).");
        }
        if (options.Missing == MissingPolicy.Drop)
        {
            foreach (var name in consideredNames)
            {
                if (unlabeledRows && name == target) continue;
                var column = table[name];
                for (var r = 0; r < rows; r++)
                    if (reason[r] is null && column.IsMissing(r)) (reason[r], kind[r]) = ($"missing value in '{name}'", DropKind.Missing);
            }
        }

        var duplicates = 0;
        var firstOf = new Dictionary<int, int>(new RowComparer([.. consideredNames.Select(n => table[n])]));
        for (var r = 0; r < rows; r++)
        {
            if (reason[r] is not null) continue;
            if (!firstOf.TryAdd(r, r))
            {
                duplicates++;
                var first = firstOf[r];
                if (options.Duplicates == DuplicatePolicy.Drop)
                    (reason[r], kind[r]) = ("duplicate of " + (origin.Lines is null ? $"row {first + 1}" : $"line {origin.Lines[first]}"), DropKind.Duplicate);
            }
        }

        int[] kept = [.. Enumerable.Range(0, rows).Where(r => reason[r] is null)];
        if (kept.Length == 0)
            throw LatheException.BadData($"{origin.File}: cleaning dropped every row ({reason.First(r => r is not null)}, …); loosen data.clean.");
        var dropped = Enumerable.Range(0, rows).Where(r => reason[r] is not null)
            .Select(r => new DroppedRow(origin.File, r, origin.LineOf(r), kind[r], reason[r]!)).ToList();
        return new RowCleaning(kept.Length == rows ? table : table.Take(kept), kept, origin, rows, findings, duplicates, dropped);
    }

    /// <summary>
    /// The cells a reader set aside plus infinite values still in numeric columns (from readers that keep
    /// them). With the error policy the first is refused; otherwise infinite values become missing.
    /// </summary>
    private static List<InvalidCell> InvalidCellsOf(ref Table table, CleaningOptions options, RowOrigin origin)
    {
        var cells = origin.InvalidCells?.ToList() ?? [];
        foreach (var column in table.Columns.OfType<NumericColumn>().ToList())
        {
            float[]? values = null;
            for (var r = 0; r < column.Length; r++)
            {
                if (!float.IsInfinity(column[r])) continue;
                cells.Add(new InvalidCell(column.Name, r, origin.LineOf(r) ?? 0, column[r] > 0 ? "inf" : "-inf", Infinite: true));
                values ??= column.Values.ToArray();
                values[r] = float.NaN;
            }
            if (values is not null) table = table.With(new NumericColumn(column.Name, values));
        }
        if (options.Invalid == InvalidPolicy.Error && cells.Count > 0)
        {
            var first = cells.MinBy(c => (c.Row, c.Column))!;
            throw LatheException.BadData(
                $"{origin.Where(first.Row)}: column '{first.Column}' is numeric but holds '{first.Text}'" +
                (first.Infinite ? " (an infinite value)" : "") +
                ". Fix the value, leave the cell empty to mark it missing, or set data.clean.invalid: drop (or impute).");
        }
        return cells;
    }

    /// <summary>Compares rows by their values in the given columns (missing equals missing).</summary>
    private sealed class RowComparer(Column[] columns) : IEqualityComparer<int>
    {
        private readonly Column[] _columns = columns;

        public bool Equals(int a, int b)
        {
            foreach (var column in _columns)
            {
                var same = column switch
                {
                    NumericColumn n => n[a].Equals(n[b]), // float.Equals: NaN equals NaN
                    CategoricalColumn c => c[a] == c[b],
                    TextColumn t => string.Equals(t[a], t[b], StringComparison.Ordinal),
                    VectorColumn v => v.Row(a).SequenceEqual(v.Row(b)),
                    _ => column.Format(a) == column.Format(b),
                };
                if (!same) return false;
            }
            return true;
        }

        // In-process grouping only: the hash decides no output, so the per-process randomized HashCode is fine here.
        public int GetHashCode(int row)
        {
            var hash = new HashCode();
            foreach (var column in _columns)
            {
                switch (column)
                {
                    case NumericColumn n: hash.Add(n[row]); break;
                    case CategoricalColumn c: hash.Add(c[row]); break;
                    case TextColumn t: hash.Add(t[row], StringComparer.Ordinal); break;
                    case VectorColumn v: hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.Row(row))); break;
                }
            }
            return hash.ToHashCode();
        }
    }
}
