using Lathe.Data;

namespace Lathe.Synthetic;

/// <summary>
/// One fitted Gaussian copula: a marginal per column and the correlation of the columns' normal scores.
/// Sampling draws correlated normals, maps each to a probability with Φ and back through its column's marginal.
/// </summary>
internal sealed class GaussianCopula
{
    private readonly Column[] _templates;
    private readonly object[] _marginals;
    private readonly double[,] _cholesky;

    private GaussianCopula(Column[] templates, object[] marginals, double[,] correlation, double[,] cholesky) =>
        (_templates, _marginals, Correlation, _cholesky) = (templates, marginals, correlation, cholesky);

    /// <summary>Correlation of the normal scores, in column order.</summary>
    public double[,] Correlation { get; }

    /// <param name="columns">Numeric and categorical columns (checked by the caller).</param>
    public static GaussianCopula Fit(IReadOnlyList<Column> columns, double ridge, Random random)
    {
        var marginals = new object[columns.Count];
        var scores = new double[columns.Count][];
        for (var j = 0; j < columns.Count; j++)
        {
            switch (columns[j])
            {
                case NumericColumn numeric:
                    var nm = new NumericMarginal(numeric);
                    marginals[j] = nm;
                    scores[j] = nm.NormalScores(numeric);
                    break;
                case CategoricalColumn categorical:
                    var cm = new CategoricalMarginal(categorical);
                    marginals[j] = cm;
                    scores[j] = cm.NormalScores(categorical, random);
                    break;
                default:
                    throw new InvalidOperationException($"Column '{columns[j].Name}' should have been refused.");
            }
        }
        var correlation = CorrelationMatrix.Of(scores);
        return new GaussianCopula([.. columns], marginals, correlation, CorrelationMatrix.Cholesky(correlation, ridge));
    }

    public Column[] Sample(int rows, Random random)
    {
        var d = _templates.Length;
        var numbers = _templates.Select(t => t is NumericColumn ? new float[rows] : null).ToArray();
        var codes = _templates.Select(t => t is CategoricalColumn ? new int[rows] : null).ToArray();
        var independent = new double[d];
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < d; j++) independent[j] = StandardNormal.Sample(random);
            for (var j = 0; j < d; j++)
            {
                double z = 0;
                for (var k = 0; k <= j; k++) z += _cholesky[j, k] * independent[k];
                var u = StandardNormal.Cdf(z);
                if (_marginals[j] is NumericMarginal numeric)
                    numbers[j]![r] = numeric.AllMissing || random.NextDouble() < numeric.MissingShare ? float.NaN : numeric.Inverse(u);
                else
                    codes[j]![r] = ((CategoricalMarginal)_marginals[j]).Inverse(u);
            }
        }
        return [.. _templates.Select((t, j) => t is NumericColumn
            ? (Column)new NumericColumn(t.Name, numbers[j]!)
            : new CategoricalColumn(t.Name, codes[j]!, [.. ((CategoricalColumn)t).Categories]))];
    }
}
