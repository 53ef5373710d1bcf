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

    /// <summary>
    /// Split by group (a user, a patient, a site): every group's rows land in one part, so no group is in two
    /// parts. Groups are taken in a seeded random order; each goes to the test part, then the validation part,
    /// while that brings the part's row count closer to its share; the rest train. A part that asked for rows
    /// but got none takes the smallest training group, if training keeps one.
    /// </summary>
    /// <param name="groups">The group of each row (missing values are an error: a row must belong somewhere).</param>
    public static DataSplit Group(Column groups, double validation, double test, int seed)
    {
        Check(validation, test);
        var byGroup = GroupRows(groups);
        if (byGroup.Count < 2)
            throw LatheException.BadConfig($"data.split: group column '{groups.Name}' has a single group; a group split needs at least two.");
        var order = Shuffled([.. Enumerable.Range(0, byGroup.Count)], new Random(seed));
        var testTarget = groups.Length * test;
        var validationTarget = groups.Length * validation;
        List<int> testGroups = [], validationGroups = [], trainGroups = [];
        double testRows = 0, validationRows = 0;
        foreach (var g in order)
        {
            var size = byGroup[g].Length;
            if (Math.Abs(testRows + size - testTarget) < Math.Abs(testRows - testTarget)) { testGroups.Add(g); testRows += size; }
            else if (Math.Abs(validationRows + size - validationTarget) < Math.Abs(validationRows - validationTarget)) { validationGroups.Add(g); validationRows += size; }
            else trainGroups.Add(g);
        }
        foreach (var (part, share) in new[] { (testGroups, test), (validationGroups, validation) })
        {
            if (share <= 0 || part.Count > 0 || trainGroups.Count < 2) continue;
            var smallest = trainGroups.MinBy(g => byGroup[g].Length);
            trainGroups.Remove(smallest);
            part.Add(smallest);
        }
        int[] Rows(List<int> part) => [.. part.SelectMany(g => byGroup[g])];
        return Build(Rows(testGroups), Rows(validationGroups), Rows(trainGroups), groups.Length);
    }

    /// <summary>
    /// Time-ordered split: rows sorted by time (ties by row order); the latest rows are the test part and the
    /// ones before them the validation part, so no training row is later than a validation or test row.
    /// Rows with equal times never straddle two parts: a boundary moves to the nearest change of time.
    /// </summary>
    /// <param name="times">A sortable time per row (numbers, or date-times as ticks); NaN is an error.</param>
    public static DataSplit Time(IReadOnlyList<double> times, double validation, double test)
    {
        Check(validation, test);
        var n = times.Count;
        for (var i = 0; i < n; i++)
            if (double.IsNaN(times[i])) throw LatheException.BadData($"data.split: row {i + 1} has no time; a time split needs a time on every row.");
        var order = Enumerable.Range(0, n).OrderBy(i => times[i]).ThenBy(i => i).ToArray();
        var testStart = TieBoundary(order, times, n - (int)Math.Round(n * test));
        var validationStart = TieBoundary(order, times, Math.Min(testStart, n - (int)Math.Round(n * test) - (int)Math.Round(n * validation)));
        if (validationStart == 0)
            throw LatheException.BadConfig($"data.split: the time split leaves no training rows out of {n} (the earliest rows share one time); lower the validation and test fractions.");
        return Build(order[testStart..], order[validationStart..testStart], order[..validationStart], n);
    }

    /// <summary>The position nearest <paramref name="cut"/> where the time changes (0 and n are boundaries too).</summary>
    private static int TieBoundary(int[] order, IReadOnlyList<double> times, int cut)
    {
        var n = order.Length;
        cut = Math.Clamp(cut, 0, n);
        bool IsBoundary(int p) => p == 0 || p == n || times[order[p - 1]] != times[order[p]];
        for (var d = 0; d <= n; d++)
        {
            if (cut - d >= 0 && IsBoundary(cut - d)) return cut - d;
            if (cut + d <= n && IsBoundary(cut + d)) return cut + d;
        }
        return cut;
    }

    /// <summary>The rows of each group, groups in order of the sorted group names (so the seed alone decides the shuffle).</summary>
    internal static List<int[]> GroupRows(Column groups)
    {
        var missing = Enumerable.Range(0, groups.Length).FirstOrDefault(groups.IsMissing, -1);
        if (missing >= 0)
            throw LatheException.BadData($"data.split: row {missing + 1} has no value in the group column '{groups.Name}'; every row needs a group.");
        return [.. Enumerable.Range(0, groups.Length).GroupBy(groups.Format).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray())];
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
