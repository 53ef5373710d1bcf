using System.Text.Json.Nodes;
using Lathe.Data;

namespace Lathe.Prep;

/// <summary>The training bounds of one numeric column: values below <see cref="Lower"/> or above <see cref="Upper"/> are outliers.</summary>
public sealed record ColumnBounds(string Name, float Lower, float Upper)
{
    public bool IsOutlier(float value) => value < Lower || value > Upper;
}

/// <summary>Fits outlier bounds per numeric column: Q1 − k·IQR .. Q3 + k·IQR, or mean ± k·std.</summary>
public static class OutlierBounds
{
    /// <summary>
    /// Bounds of every numeric column of the table. Columns with at most two distinct values (flags) and
    /// columns whose spread (IQR or standard deviation) is 0 get none: every other value would count as an outlier.
    /// </summary>
    public static IReadOnlyList<ColumnBounds> Fit(Table table, bool iqr, double k)
    {
        var bounds = new List<ColumnBounds>();
        foreach (var column in table.Columns.OfType<NumericColumn>())
        {
            var present = OrderStatistic.Present(column.Values);
            if (present.Length == 0 || present.Distinct().Take(3).Count() <= 2) continue;
            double lower, upper;
            if (iqr)
            {
                double q1 = OrderStatistic.Quantile(present, 0.25), q3 = OrderStatistic.Quantile(present, 0.75);
                if (q3 - q1 <= 0) continue;
                (lower, upper) = (q1 - k * (q3 - q1), q3 + k * (q3 - q1));
            }
            else
            {
                var mean = present.Average(v => (double)v);
                var std = Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / present.Length);
                if (std <= 0) continue;
                (lower, upper) = (mean - k * std, mean + k * std);
            }
            bounds.Add(new ColumnBounds(column.Name, (float)lower, (float)upper));
        }
        return bounds;
    }

    /// <summary>Rows with an outlier in any bounded column (missing values are not outliers).</summary>
    public static bool[] OutlierRows(Table table, IReadOnlyList<ColumnBounds> bounds)
    {
        var outlier = new bool[table.RowCount];
        foreach (var b in bounds)
        {
            if (!table.Contains(b.Name) || table[b.Name] is not NumericColumn n) continue;
            for (var r = 0; r < outlier.Length; r++) outlier[r] |= b.IsOutlier(n[r]);
        }
        return outlier;
    }

    /// <summary>How many values of each bounded column are outliers.</summary>
    public static IReadOnlyDictionary<string, int> Count(Table table, IReadOnlyList<ColumnBounds> bounds) =>
        bounds.Where(b => table.Contains(b.Name) && table[b.Name] is NumericColumn)
            .ToDictionary(b => b.Name, b =>
            {
                var n = (NumericColumn)table[b.Name];
                var count = 0;
                for (var r = 0; r < n.Length; r++) if (b.IsOutlier(n[r])) count++;
                return count;
            });

    internal static JsonArray ToJson(IEnumerable<ColumnBounds> bounds) => new([.. bounds.Select(b => (JsonNode)new JsonObject
    {
        ["name"] = b.Name,
        ["lower"] = b.Lower,
        ["upper"] = b.Upper,
    })]);

    internal static ColumnBounds[] FromJson(JsonNode? json) =>
        [.. json!.AsArray().Select(b => new ColumnBounds((string)b!["name"]!, (float)b["lower"]!, (float)b["upper"]!))];
}
