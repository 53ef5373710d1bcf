using Lathe.Data;

namespace Lathe.Splits;

/// <summary>Row indices of the train, validation and test parts of a table (each sorted ascending).</summary>
public sealed record DataSplit(int[] Train, int[] Validation, int[] Test)
{
    public Table TrainOf(Table table) => table.Take(Train);

    public Table? ValidationOf(Table table) => Validation.Length == 0 ? null : table.Take(Validation);

    public Table? TestOf(Table table) => Test.Length == 0 ? null : table.Take(Test);
}
