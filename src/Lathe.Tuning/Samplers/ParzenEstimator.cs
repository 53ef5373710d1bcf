namespace Lathe.Tuning.Samplers;

/// <summary>
/// A one-dimensional density made of truncated normals, one per observed value plus a broad prior at the
/// centre of the range (hyperopt's bandwidths: the larger gap to a sorted neighbour, clipped).
/// </summary>
internal sealed class ParzenEstimator
{
    private readonly double[] _mus, _sigmas, _weights;
    private readonly double _low, _high;

    public ParzenEstimator(IReadOnlyList<double> observations, double low, double high)
    {
        (_low, _high) = (low, high);
        var range = Math.Max(high - low, 1e-12);
        var points = observations.Append((low + high) / 2).Order().ToArray();
        var priorIndex = Array.IndexOf(points, (low + high) / 2);
        _mus = points;
        _sigmas = new double[points.Length];
        var minSigma = range / Math.Min(100.0, 1.0 + points.Length);
        for (var i = 0; i < points.Length; i++)
        {
            var left = i == 0 ? points[i] - low : points[i] - points[i - 1];
            var right = i == points.Length - 1 ? high - points[i] : points[i + 1] - points[i];
            _sigmas[i] = Math.Clamp(Math.Max(left, right), minSigma, range);
        }
        _sigmas[priorIndex] = range;
        _weights = [.. Enumerable.Repeat(1.0 / points.Length, points.Length)];
    }

    public double Sample(Random random)
    {
        var u = random.NextDouble();
        var k = 0;
        for (var acc = _weights[0]; acc < u && k < _weights.Length - 1; acc += _weights[++k]) { }
        return NormalDistribution.SampleTruncated(random, _mus[k], _sigmas[k], _low, _high);
    }

    public double LogPdf(double x)
    {
        // log-sum-exp over the components
        var terms = new double[_mus.Length];
        for (var i = 0; i < _mus.Length; i++)
            terms[i] = Math.Log(_weights[i]) + NormalDistribution.LogPdfTruncated(x, _mus[i], _sigmas[i], _low, _high);
        var max = terms.Max();
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
    }
}
