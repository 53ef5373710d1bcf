using Lathe.Data;

namespace Lathe.Splits;

/// <summary>
/// k-fold splits for cross-validation: every row is held out exactly once, in one of k folds of
/// (nearly) equal size. Reproducible by seed.
/// </summary>
public static class KFold
{
    /// <summary>Rows shuffled with the seed, then cut into k contiguous folds (the first n mod k folds get one row more).</summary>
    public static IReadOnlyList<DataSplit> Plain(int rowCount, int k, int seed)
    {
        Check(rowCount, k);
        var order = Enumerable.Range(0, rowCount).ToArray();
        new Random(seed).Shuffle(order);
        var folds = new List<int>[k];
        for (var f = 0; f < k; f++) folds[f] = [];
        var start = 0;
        for (var f = 0; f < k; f++)
        {
            var size = rowCount / k + (f < rowCount % k ? 1 : 0);
            folds[f].AddRange(order[start..(start + size)]);
            start += size;
        }
        return Splits(folds, rowCount);
    }

    /// <summary>
    /// Each class's rows are shuffled and dealt to the folds in turn, continuing where the previous class
    /// stopped, so every fold keeps the class shares within one row per class and fold sizes differ by at most one.
    /// </summary>
    public static IReadOnlyList<DataSplit> Stratified(Column target, int k, int seed)
    {
        Check(target.Length, k);
        var random = new Random(seed);
        var folds = new List<int>[k];
        for (var f = 0; f < k; f++) folds[f] = [];
        var next = 0;
        foreach (var group in Enumerable.Range(0, target.Length).GroupBy(target.Format).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = group.ToArray();
            random.Shuffle(rows);
            foreach (var row in rows)
            {
                folds[next].Add(row);
                next = (next + 1) % k;
            }
        }
        return Splits(folds, target.Length);
    }

    /// <summary>
    /// Whole groups per fold, so no group is in a training part and its held-out fold at once. Groups are
    /// dealt largest first (ties in a seeded order) to the fold with the fewest rows, which keeps fold sizes close.
    /// </summary>
    public static IReadOnlyList<DataSplit> Group(Column groups, int k, int seed)
    {
        Check(groups.Length, k);
        var byGroup = Splitter.GroupRows(groups);
        if (k > byGroup.Count)
            throw LatheException.BadConfig($"--cv: {k} folds but only {byGroup.Count} groups in '{groups.Name}'; use at most {byGroup.Count} folds.");
        var order = Enumerable.Range(0, byGroup.Count).ToArray();
        new Random(seed).Shuffle(order);
        var folds = new List<int>[k];
        for (var f = 0; f < k; f++) folds[f] = [];
        foreach (var g in order.OrderByDescending(g => byGroup[g].Length)) // a stable sort: equal sizes keep the seeded order
        {
            var smallest = Enumerable.Range(0, k).MinBy(f => folds[f].Count);
            folds[smallest].AddRange(byGroup[g]);
        }
        return Splits(folds, groups.Length);
    }

    /// <summary>Fold f is the validation part of split f; the other folds are its training part.</summary>
    private static List<DataSplit> Splits(List<int>[] folds, int rowCount) =>
    [
        .. folds.Select((held, f) =>
        {
            var isHeld = new bool[rowCount];
            foreach (var row in held) isHeld[row] = true;
            int[] train = [.. Enumerable.Range(0, rowCount).Where(r => !isHeld[r])];
            int[] validation = [.. held.Order()];
            return new DataSplit(train, validation, []);
        }),
    ];

    private static void Check(int rowCount, int k)
    {
        if (k < 2) throw LatheException.BadConfig($"--cv: {k} folds; cross-validation needs at least 2.");
        if (k > rowCount) throw LatheException.BadConfig($"--cv: {k} folds but only {rowCount} rows; use at most {rowCount} folds.");
    }
}
