using Lathe.Data;

namespace Lathe.Cleaning;

/// <summary>Where a table's rows came from, so cleaning can name them: the file, each row's line, and the invalid cells a reader set aside.</summary>
/// <param name="Lines">The 1-based file line of each row; null when unknown (the report then gives 1-based row numbers).</param>
public sealed record RowOrigin(string File, IReadOnlyList<int>? Lines = null, IReadOnlyList<InvalidCell>? InvalidCells = null)
{
    /// <summary>"file:line" or "file, row N" for messages.</summary>
    public string Where(int row) => Lines is null ? $"{File}, row {row + 1}" : $"{File}:{Lines[row]}";

    public int? LineOf(int row) => Lines?[row];
}

/// <summary>Why a row was dropped.</summary>
public enum DropKind
{
    Invalid,
    Missing,
    Duplicate,
    Outlier,
}

/// <summary>A row cleaning removed, and why ("duplicate of line 12", "missing value in 'size'").</summary>
/// <param name="Row">0-based row of the table as read.</param>
public sealed record DroppedRow(string File, int Row, int? Line, DropKind Kind, string Reason);

/// <summary>What cleaning found in one column of the rows read.</summary>
public sealed record ColumnFindings(int Missing, int Invalid);
