using Lathe.Data;

namespace Lathe.Synthetic;

/// <summary>
/// Measures how well a synthetic table matches a real one, column by column (distribution distances) and
/// pair by pair (association differences). Both near 0 means the synthetic rows are statistically alike;
/// it says nothing about privacy (a copy of the real rows would score perfectly).
/// </summary>
public static class Fidelity
{
    public static FidelityReport Compare(Table real, Table synthetic)
    {
        var columns = new List<ColumnFidelity>();
        var compared = new List<(Column Real, Column Synthetic)>();
        foreach (var column in real.Columns)
        {
            if (column is not (NumericColumn or CategoricalColumn)) continue;
            if (!synthetic.Contains(column.Name) || synthetic[column.Name].Kind != column.Kind)
                throw LatheException.BadData($"{synthetic.Source ?? "synthetic table"}: needs a {column.Kind.ToString().ToLowerInvariant()} column '{column.Name}' to compare with the real data.");
            var other = synthetic[column.Name];
            compared.Add((column, other));
            columns.Add(column is NumericColumn n
                ? Numeric(n, (NumericColumn)other)
                : Categorical((CategoricalColumn)column, (CategoricalColumn)other));
        }
        double max = 0, sum = 0;
        var pairs = 0;
        string? worst = null;
        for (var i = 0; i < compared.Count; i++)
            for (var j = i + 1; j < compared.Count; j++)
            {
                var difference = Math.Abs(Association.Of(compared[i].Real, compared[j].Real) - Association.Of(compared[i].Synthetic, compared[j].Synthetic));
                if (worst is null || difference > max) (max, worst) = (difference, $"{compared[i].Real.Name} ~ {compared[j].Real.Name}");
                sum += difference;
                pairs++;
            }
        return new FidelityReport(columns, max, pairs == 0 ? 0 : sum / pairs, pairs, worst);
    }

    private static ColumnFidelity Numeric(NumericColumn real, NumericColumn synthetic)
    {
        var a = Present(real);
        var b = Present(synthetic);
        var (ks, w1) = a.Length == 0 || b.Length == 0 ? (a.Length == b.Length ? 0 : 1, double.NaN) : KsAndWasserstein(a, b);
        return new ColumnFidelity(real.Name, "numeric", "ks", ks, double.IsNaN(w1) ? null : w1, MissingShare(real), MissingShare(synthetic));
    }

    private static ColumnFidelity Categorical(CategoricalColumn real, CategoricalColumn synthetic)
    {
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(CategoricalColumn column, double sign)
        {
            for (var r = 0; r < column.Length; r++)
            {
                var key = column[r] < 0 ? "\0missing" : column.Categories[column[r]];
                shares[key] = shares.GetValueOrDefault(key) + sign / column.Length;
            }
        }
        Add(real, 1);
        Add(synthetic, -1);
        var tvd = 0.5 * shares.Values.Sum(Math.Abs);
        return new ColumnFidelity(real.Name, "categorical", "tvd", tvd, null, MissingShare(real), MissingShare(synthetic));
    }

    /// <summary>The largest CDF gap and the area between the CDFs, in one sweep over both sorted samples.</summary>
    internal static (double Ks, double Wasserstein) KsAndWasserstein(double[] a, double[] b)
    {
        Array.Sort(a);
        Array.Sort(b);
        int i = 0, j = 0;
        double ks = 0, area = 0, previous = Math.Min(a[0], b[0]);
        while (i < a.Length || j < b.Length)
        {
            var x = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            var gap = Math.Abs((double)i / a.Length - (double)j / b.Length);
            area += gap * (x - previous);
            while (i < a.Length && a[i] == x) i++;
            while (j < b.Length && b[j] == x) j++;
            ks = Math.Max(ks, Math.Abs((double)i / a.Length - (double)j / b.Length));
            previous = x;
        }
        return (ks, area);
    }

    private static double[] Present(NumericColumn column)
    {
        var values = new List<double>(column.Length);
        foreach (var v in column.Values) if (!float.IsNaN(v)) values.Add(v);
        return [.. values];
    }

    private static double MissingShare(Column column) => column.Length == 0 ? 0 : (double)column.CountMissing() / column.Length;
}
