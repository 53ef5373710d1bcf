using Lathe.Data;

namespace Lathe.Splits;

/// <summary>
/// Reproducible holdout splits. Fractions are of all rows; the rest is training. The same seed and table
/// always give the same split.
/// </summary>
public static class Splitter
{
    /// <summary>Random split of the rows.</summary>
    public static DataSplit Holdout(int rowCount, double validation, double test, int seed)
    {
        Check(validation, test);
        var order = Shuffled(Enumerable.Range(0, rowCount).ToArray(), new Random(seed));
        var testCount = (int)Math.Round(rowCount * test);
        var validationCount = (int)Math.Round(rowCount * validation);
        return Build(order[..testCount], order[testCount..(testCount + validationCount)], order[(testCount + validationCount)..], rowCount);
    }

    /// <summary>Split that keeps each class's share about equal in every part (rounded per class).</summary>
    public static DataSplit Stratified(Column target, double validation, double test, int seed)
    {
        Check(validation, test);
        var random = new Random(seed);
        var byClass = Enumerable.Range(0, target.Length).GroupBy(target.Format).OrderBy(g => g.Key, StringComparer.Ordinal);
        List<int> trainRows = [], validationRows = [], testRows = [];
        foreach (var group in byClass)
        {
            var rows = Shuffled(group.ToArray(), random);
            var testCount = (int)Math.Round(rows.Length * test);
            var validationCount = (int)Math.Round(rows.Length * validation);
            testRows.AddRange(rows[..testCount]);
            validationRows.AddRange(rows[testCount..(testCount + validationCount)]);
            trainRows.AddRange(rows[(testCount + validationCount)..]);
        }
        return Build([.. testRows], [.. validationRows], [.. trainRows], target.Length);
    }

    private static DataSplit Build(int[] test, int[] validation, int[] train, int rowCount)
    {
        if (train.Length == 0)
            throw LatheException.BadConfig($"data.split leaves no training rows out of {rowCount}; lower the validation and test fractions.");
        Array.Sort(train);
        Array.Sort(validation);
        Array.Sort(test);
        return new DataSplit(train, validation, test);
    }

    private static int[] Shuffled(int[] rows, Random random)
    {
        random.Shuffle(rows);
        return rows;
    }

    private static void Check(double validation, double test)
    {
        if (validation < 0 || validation >= 1) throw LatheException.BadConfig($"data.split.validation must be in [0, 1), not {validation}.");
        if (test < 0 || test >= 1) throw LatheException.BadConfig($"data.split.test must be in [0, 1), not {test}.");
        if (validation + test >= 1) throw LatheException.BadConfig("data.split: validation + test must be below 1 to leave rows for training.");
    }
}
