using System.Diagnostics;
using static TorchSharp.torch;

namespace Lathe.Bench;

/// <summary>GFLOP/s of a square fp32 matrix product (2·n³ FLOPs), the ceiling a training step's GEMMs can reach here.</summary>
public static class MatmulThroughput
{
    /// <summary>Median GFLOP/s of <paramref name="repetitions"/> products of two n×n random matrices, after one warm-up product.</summary>
    public static double Measure(int n = 2048, int repetitions = 7)
    {
        using var scope = NewDisposeScope();
        var a = randn(n, n);
        var b = randn(n, n);
        a.matmul(b).Dispose(); // warm-up: thread pool, page faults
        var rates = new EpochTimes("matmul");
        for (var i = 0; i < repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            using var product = a.matmul(b);
            rates.Add(2.0 * n * n * n / clock.Elapsed.TotalSeconds / 1e9);
        }
        return rates.Median;
    }
}
