using Lathe.Data;

namespace Lathe.Synthetic;

/// <summary>
/// SMOTE (Chawla et al. 2002) with SMOTE-NC's handling of categorical features: each smaller class is
/// oversampled with synthetic rows, each a random point on the segment from a random row of the class to one of
/// its k nearest same-class neighbours. Numeric features are interpolated; a categorical feature takes the
/// value most of the row's k neighbours have. Apply it to training rows only: validation and test rows must stay real.
/// </summary>
/// <remarks>
/// Neighbours are found on standardized numeric features (so no feature dominates by its unit) plus the
/// categorical features one-hot, a mismatch costing as much as one standard deviation (SMOTE-NC's median
/// standard deviation, which is 1 after standardizing). A missing numeric value counts as the column mean when
/// measuring distance and stays missing in a synthetic row made from it. Columns that are not features (ids,
/// groups, weights) are copied from the row a synthetic row was made from. Synthetic rows follow the original rows.
/// </remarks>
public static class Smote
{
    /// <summary>The table with synthetic rows of each smaller class appended; <paramref name="target"/> must be categorical.</summary>
    public static Table Oversample(Table table, string target, SmoteOptions options, int seed, string field = "smote")
    {
        options.Validate(field);
        if (table[target] is not CategoricalColumn labels)
            throw LatheException.BadConfig($"{field}: SMOTE balances classes, but the target '{target}' is {table[target].Kind.ToString().ToLowerInvariant()} " +
                                           "(a regression target). Remove the balance setting, or set data.task: classification.");
        var features = table.FeatureNames.Where(n => n != target).ToArray();
        foreach (var name in features)
            if (table[name] is not (NumericColumn or CategoricalColumn))
                throw LatheException.BadConfig($"{field}: SMOTE interpolates numeric and categorical features, but '{name}' is " +
                                               $"{table[name].Kind.ToString().ToLowerInvariant()}. Set it to ignore in data.columns, or remove the balance setting.");
        var space = NeighbourSpace.Of(table, features);

        var counts = new int[labels.Categories.Count];
        foreach (var code in labels.Codes) if (code >= 0) counts[code]++;
        var goal = (int)Math.Round(options.Ratio * counts.Max());
        var random = new Random(seed);
        var bases = new List<int>();
        var neighbours = new List<int>();
        var gaps = new List<double>();
        var votes = new List<int[]>(); // the base row's neighbours, for categorical majorities
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0 || counts[c] >= goal) continue;
            var rows = Enumerable.Range(0, table.RowCount).Where(r => labels[r] == c).ToArray();
            if (rows.Length < 2)
                throw LatheException.BadData($"{table.Source ?? "training data"}: class '{labels.Categories[c]}' has 1 training row; SMOTE needs at least 2 " +
                                             "to interpolate between. Add rows of that class, or remove the balance setting.");
            var nearest = space.NearestWithin(rows, Math.Min(options.K, rows.Length - 1));
            for (var i = counts[c]; i < goal; i++)
            {
                var b = random.Next(rows.Length);
                var n = nearest[b][random.Next(nearest[b].Length)];
                bases.Add(rows[b]);
                neighbours.Add(n);
                gaps.Add(random.NextDouble());
                votes.Add(nearest[b]);
            }
        }
        if (bases.Count == 0) return table;

        var all = Enumerable.Range(0, table.RowCount).Concat(bases).ToArray();
        var result = table.Take(all);
        foreach (var name in features)
            result = result.With(table[name] switch
            {
                NumericColumn numeric => Interpolated(numeric, bases, neighbours, gaps),
                CategoricalColumn categorical => Voted(categorical, bases, votes),
                _ => throw new InvalidOperationException("checked above"),
            });
        return result;
    }

    private static NumericColumn Interpolated(NumericColumn column, List<int> bases, List<int> neighbours, List<double> gaps)
    {
        var values = new float[column.Length + bases.Count];
        column.Values.CopyTo(values);
        for (var i = 0; i < bases.Count; i++)
        {
            var (from, to) = (column[bases[i]], column[neighbours[i]]);
            values[column.Length + i] = float.IsNaN(to) ? from : (float)(from + gaps[i] * (to - from));
        }
        return new NumericColumn(column.Name, values);
    }

    /// <summary>The category most of the base row's neighbours have (ties: the lower code; none known: the base row's own).</summary>
    private static CategoricalColumn Voted(CategoricalColumn column, List<int> bases, List<int[]> votes)
    {
        var codes = new int[column.Length + bases.Count];
        column.Codes.CopyTo(codes);
        var tally = new int[column.Categories.Count];
        for (var i = 0; i < bases.Count; i++)
        {
            Array.Clear(tally);
            foreach (var n in votes[i]) if (column[n] >= 0) tally[column[n]]++;
            var best = -1;
            for (var k = 0; k < tally.Length; k++) if (tally[k] > 0 && (best < 0 || tally[k] > tally[best])) best = k;
            codes[column.Length + i] = best >= 0 ? best : column[bases[i]];
        }
        return new CategoricalColumn(column.Name, codes, [.. column.Categories]);
    }
}
