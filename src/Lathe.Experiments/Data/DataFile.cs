using Lathe.Cleaning;
using Lathe.Data;

namespace Lathe.Experiments.Data;

/// <summary>A data file as the config names it, and the file's data-row number (0-based) of each row the loader kept.</summary>
public sealed record DataFile(string Name, int[] RowIds)
{
    public static DataFile Whole(string name, Table table) => new(name, [.. Enumerable.Range(0, table.RowCount)]);
}

/// <summary>The training file and the validation and test files, when the config gives them, with what cleaning did to each.</summary>
public sealed record DataFiles(DataFile Train, DataFile? Validation, DataFile? Test)
{
    public IReadOnlyList<RowCleaning> Cleaning { get; init; } = [];
}
