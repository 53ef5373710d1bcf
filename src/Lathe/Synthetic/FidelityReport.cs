using System.Globalization;
using System.Text;

namespace Lathe.Synthetic;

/// <summary>
/// What <see cref="Fidelity.Compare"/> found: a line per column, and how far apart the two tables' association
/// matrices are (Pearson r between numeric columns, correlation ratio η between a numeric and a categorical
/// column, Cramér's V between categorical columns); <see cref="WorstPair"/> names the pair that differs most.
/// </summary>
public sealed record FidelityReport(IReadOnlyList<ColumnFidelity> Columns, double MaxAssociationDifference,
    double MeanAssociationDifference, int Pairs, string? WorstPair = null)
{
    /// <summary>A plain-text table, one line per column, then the association summary.</summary>
    public string ToText()
    {
        static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
        static string P(double v) => (100 * v).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        var width = Math.Max(6, Columns.Count == 0 ? 0 : Columns.Max(c => c.Column.Length));
        var text = new StringBuilder();
        text.AppendLine($"{"column".PadRight(width)}  {"kind",-11}  {"measure",-7}  {"distance",8}  {"wasserstein",11}  missing real/synthetic");
        foreach (var c in Columns)
            text.AppendLine($"{c.Column.PadRight(width)}  {c.Kind,-11}  {c.Measure,-7}  {F(c.Distance),8}  {(c.Wasserstein is { } w ? F(w) : "-"),11}  {P(c.RealMissing)} / {P(c.SyntheticMissing)}");
        text.Append(Pairs == 0
            ? "associations: fewer than two columns, nothing to compare"
            : $"associations ({Pairs} column pairs): max |difference| {F(MaxAssociationDifference)} ({WorstPair}), mean {F(MeanAssociationDifference)}");
        return text.ToString();
    }
}
