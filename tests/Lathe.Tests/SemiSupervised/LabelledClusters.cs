using System.Globalization;
using System.Text;
using Lathe.Data;

namespace Lathe.Tests.SemiSupervised;

/// <summary>
/// Two clusters side by side (class "left" around x = −2, "right" around x = 2), tall in y, whose few
/// labelled rows come only from the top of the left cluster and the bottom of the right one, so a model
/// that sees only them draws a tilted border. The unlabeled and validation rows cover both clusters.
/// </summary>
internal static class LabelledClusters
{
    public static (Table Labelled, Table Unlabeled, Table Validation) Make(int seed, int labelled = 10, int unlabeled = 400, int validation = 200)
    {
        var random = new Random(seed);
        (double X, double Y) Any(bool left) => ((left ? -2 : 2) + Gaussian(random), 3 * Gaussian(random));
        (double X, double Y) Biased(bool left)
        {
            while (true)
            {
                var p = Any(left);
                if (left ? p.Y > 4 : p.Y < -4) return p;
            }
        }
        return (Part(labelled, Biased), Part(unlabeled, Any), Part(validation, Any));
    }

    /// <summary>The rows as CSV with columns x, y, side; <paramref name="withLabels"/> false leaves side empty.</summary>
    public static string Csv(Table table, bool withLabels)
    {
        var text = new StringBuilder("x,y,side\n");
        for (var r = 0; r < table.RowCount; r++)
            text.Append(table["x"].Format(r)).Append(',').Append(table["y"].Format(r)).Append(',').Append(withLabels ? table["side"].Format(r) : "").Append('\n');
        return text.ToString();
    }

    private static Table Part(int count, Func<bool, (double X, double Y)> point)
    {
        var x = new float[count];
        var y = new float[count];
        var side = new string[count];
        for (var i = 0; i < count; i++)
        {
            var left = i % 2 == 0;
            var p = point(left);
            (x[i], y[i], side[i]) = ((float)p.X, (float)p.Y, left ? "left" : "right");
        }
        return new Table([new NumericColumn("x", x), new NumericColumn("y", y), CategoricalColumn.FromStrings("side", side, ["left", "right"])])
            .WithRole("side", ColumnRole.Target);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
