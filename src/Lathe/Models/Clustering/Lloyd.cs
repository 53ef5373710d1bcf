using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Lathe.Models.Clustering;

/// <summary>One k-means start: its centres (on the centred rows), labels, inertia and per-iteration history.</summary>
internal sealed class LloydRun
{
    public required float[] Centers { get; init; }

    public required int[] Labels { get; init; }

    /// <summary>Sum of squared distances of the rows to their centres, with the final centres.</summary>
    public required double Inertia { get; init; }

    public required int Iterations { get; init; }

    public required bool Converged { get; init; }

    /// <summary>The inertia of the assignment made in each Lloyd iteration (never increases).</summary>
    public required IReadOnlyList<double> Inertias { get; init; }

    /// <summary>The validation rows' inertia with the same centres, per iteration; null without validation rows.</summary>
    public required IReadOnlyList<double>? ValidationInertias { get; init; }
}

/// <summary>
/// k-means++ seeding (Arthur and Vassilvitskii 2007, in scikit-learn's greedy form) and Lloyd's iterations
/// on a <see cref="KMeansProblem"/>. Distances use the squared-norm trick with SIMD dot products
/// (<see cref="SimdKernels"/>); chunks of rows run in parallel when asked, with results independent of threading.
/// </summary>
internal static class Lloyd
{
    /// <summary>
    /// k-means++: the first centre is a uniformly drawn row; each next one is the best (lowest resulting
    /// inertia) of 2 + ⌊ln k⌋ rows drawn with probability proportional to their squared distance to the
    /// nearest centre so far.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float[] PlusPlus(KMeansProblem problem, int k, Random random, bool parallel)
    {
        var (n, width, x) = (problem.Rows, problem.Width, problem.X);
        var centers = new float[k * width];
        var trials = 2 + (int)Math.Log(k);
        var first = random.Next(n);
        x.AsSpan(first * width, width).CopyTo(centers);
        var closest = new double[n];
        var potential = DistancesTo(problem, [first], [closest], parallel)[0];
        var cumulative = new double[n];
        var candidateDistances = Enumerable.Range(0, trials).Select(_ => new double[n]).ToArray();
        var candidates = new int[trials];
        for (var c = 1; c < k; c++)
        {
            double running = 0;
            for (var r = 0; r < n; r++) cumulative[r] = running += closest[r];
            for (var t = 0; t < trials; t++)
            {
                var target = random.NextDouble() * potential;
                var at = Array.BinarySearch(cumulative, target);
                if (at < 0) at = ~at;
                else
                    while (at > 0 && cumulative[at - 1] == target) at--; // the first index with cumulative ≥ target
                candidates[t] = Math.Min(at, n - 1);
            }
            var potentials = DistancesTo(problem, candidates, candidateDistances, parallel, closest);
            var best = 0;
            for (var t = 1; t < trials; t++)
                if (potentials[t] < potentials[best]) best = t;
            potential = potentials[best];
            Array.Copy(candidateDistances[best], closest, n);
            x.AsSpan(candidates[best] * width, width).CopyTo(centers.AsSpan(c * width, width));
        }
        return centers;
    }

    /// <summary>
    /// Squared distances from the given rows to every row (capped by <paramref name="cap"/> when given, i.e.
    /// the distance to the nearest centre including that row), written into <paramref name="output"/>; returns their sums.
    /// </summary>
    private static double[] DistancesTo(KMeansProblem problem, int[] rows, double[][] output, bool parallel, double[]? cap = null)
    {
        var (width, x, norms) = (problem.Width, problem.X, problem.Norms);
        var partial = new double[problem.Chunks * rows.Length];
        var chosen = new float[rows.Length * width];
        for (var t = 0; t < rows.Length; t++) x.AsSpan(rows[t] * width, width).CopyTo(chosen.AsSpan(t * width, width));
        problem.ForEachChunk(parallel, chunk =>
        {
            var (start, count) = problem.Chunk(chunk);
            CandidateDistances(x, norms, width, start, count, rows, chosen, output, cap, partial.AsSpan(chunk * rows.Length, rows.Length));
        });
        var sums = new double[rows.Length];
        for (var chunk = 0; chunk < problem.Chunks; chunk++)
            for (var t = 0; t < rows.Length; t++) sums[t] += partial[chunk * rows.Length + t];
        return sums;
    }

    /// <summary>Squared distances of rows start..start+count−1 to the chosen rows (capped), added up per chosen row into <paramref name="sums"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CandidateDistances(float[] x, float[] norms, int width, int start, int count, int[] rows, float[] chosen,
        double[][] output, double[]? cap, Span<double> sums)
    {
        Span<float> dots = stackalloc float[rows.Length];
        for (var r = start; r < start + count; r++)
        {
            SimdKernels.Dots(new ReadOnlySpan<float>(x, r * width, width), chosen, dots);
            for (var t = 0; t < rows.Length; t++)
            {
                double d = Math.Max(0f, norms[r] + norms[rows[t]] - 2 * dots[t]);
                if (cap is not null && cap[r] < d) d = cap[r];
                output[t][r] = d;
                sums[t] += d;
            }
        }
    }

    /// <summary>
    /// Lloyd's iterations from <paramref name="initial"/> centres, as scikit-learn's lloyd: assign every row to
    /// its nearest centre, move each centre to its rows' mean (an emptied centre moves to the row farthest from
    /// its own centre), stop when no label changes or the centres moved (sum of squared shifts) at most
    /// <paramref name="tolerance"/>; then assign once more with the final centres.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static LloydRun Run(KMeansProblem problem, float[] initial, int maxIter, double tolerance, bool parallel, CancellationToken cancellation)
    {
        var (n, width) = (problem.Rows, problem.Width);
        var k = initial.Length / width;
        var centers = (float[])initial.Clone();
        var labels = new int[n];
        var previous = new int[n];
        Array.Fill(previous, -1);
        var distances = new float[n];
        var chunkSums = new float[problem.Chunks * k * width];
        var chunkCounts = new int[problem.Chunks * k];
        var chunkInertia = new double[problem.Chunks];
        var sums = new double[k * width];
        var counts = new long[k];
        var inertias = new List<double>();
        var validationInertias = problem.Validation is null ? null : new List<double>();
        var converged = false;
        var iteration = 0;
        while (iteration < maxIter)
        {
            cancellation.ThrowIfCancellationRequested();
            iteration++;
            var centerNorms = KMeansProblem.SquaredNorms(centers, width);
            Array.Clear(chunkSums);
            Array.Clear(chunkCounts);
            problem.ForEachChunk(parallel, chunk =>
            {
                var (start, count) = problem.Chunk(chunk);
                chunkInertia[chunk] = Assign(problem.X, problem.Norms, width, start, count, centers, centerNorms, labels, distances,
                    chunkSums.AsSpan(chunk * k * width, k * width), chunkCounts.AsSpan(chunk * k, k));
            });
            inertias.Add(chunkInertia.Sum());
            if (problem.Validation is { } validation)
                validationInertias!.Add(Assign(validation, problem.ValidationNorms!, width, 0, validation.Length / width, centers, centerNorms, null, null, [], []));

            Array.Clear(sums);
            Array.Clear(counts);
            for (var chunk = 0; chunk < problem.Chunks; chunk++)
            {
                for (var i = 0; i < k * width; i++) sums[i] += chunkSums[chunk * k * width + i];
                for (var c = 0; c < k; c++) counts[c] += chunkCounts[chunk * k + c];
            }
            if (counts.Contains(0)) RelocateEmpty(problem, labels, distances, sums, counts);
            double shift = 0;
            for (var c = 0; c < k; c++)
            {
                for (var j = 0; j < width; j++)
                {
                    var moved = (float)(sums[c * width + j] / counts[c]);
                    var d = (double)moved - centers[c * width + j];
                    shift += d * d;
                    centers[c * width + j] = moved;
                }
            }
            if (labels.AsSpan().SequenceEqual(previous) || shift <= tolerance)
            {
                converged = true;
                break;
            }
            labels.CopyTo(previous, 0);
        }

        var finalNorms = KMeansProblem.SquaredNorms(centers, width);
        problem.ForEachChunk(parallel, chunk =>
        {
            var (start, count) = problem.Chunk(chunk);
            chunkInertia[chunk] = Assign(problem.X, problem.Norms, width, start, count, centers, finalNorms, labels, distances, [], []);
        });
        return new LloydRun
        {
            Centers = centers, Labels = labels, Inertia = chunkInertia.Sum(), Iterations = iteration,
            Converged = converged, Inertias = inertias, ValidationInertias = validationInertias,
        };
    }

    /// <summary>
    /// Assigns rows start..start+count−1 to their nearest centres (the first on ties) and returns their
    /// inertia; when <paramref name="sums"/> is not empty, adds each row to its centre's sum and count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Assign(float[] x, float[] norms, int width, int start, int count, float[] centers, float[] centerNorms,
        int[]? labels, float[]? distances, Span<float> sums, Span<int> counts)
    {
        var k = centerNorms.Length;
        double inertia = 0;
        Span<float> dots = k <= 128 ? stackalloc float[k] : new float[k];
        Span<float> next = k <= 128 ? stackalloc float[k] : new float[k];
        var pairs = Vector256.IsHardwareAccelerated && width >= Vector256<float>.Count;
        var end = start + count;
        for (var r = start; r < end; r++)
        {
            var row = new ReadOnlySpan<float>(x, r * width, width);
            if (pairs && r + 1 < end)
            {
                var second = new ReadOnlySpan<float>(x, (r + 1) * width, width);
                SimdKernels.DotsOfPair(row, second, centers, dots, next);
                inertia += Settle(r, row, dots, norms, centerNorms, labels, distances, sums, counts);
                inertia += Settle(++r, second, next, norms, centerNorms, labels, distances, sums, counts);
            }
            else
            {
                SimdKernels.Dots(row, centers, dots);
                inertia += Settle(r, row, dots, norms, centerNorms, labels, distances, sums, counts);
            }
        }
        return inertia;
    }

    /// <summary>Picks row <paramref name="r"/>'s nearest centre from its dot products, records it, and returns its squared distance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Settle(int r, ReadOnlySpan<float> row, ReadOnlySpan<float> dots, float[] norms, float[] centerNorms,
        int[]? labels, float[]? distances, Span<float> sums, Span<int> counts)
    {
        var best = 0;
        var bestScore = float.PositiveInfinity;
        for (var c = 0; c < centerNorms.Length; c++)
        {
            var score = centerNorms[c] - 2 * dots[c];
            if (score < bestScore)
            {
                bestScore = score;
                best = c;
            }
        }
        var d = Math.Max(0f, norms[r] + bestScore);
        if (labels is not null) labels[r] = best;
        if (distances is not null) distances[r] = d;
        if (!sums.IsEmpty)
        {
            SimdKernels.AddInto(sums.Slice(best * row.Length, row.Length), row);
            counts[best]++;
        }
        return d;
    }

    /// <summary>
    /// scikit-learn's relocation of empty clusters: each empty centre takes one of the rows farthest from
    /// their own centre (farthest first, the earlier row on ties), which leaves its old cluster.
    /// </summary>
    private static void RelocateEmpty(KMeansProblem problem, int[] labels, float[] distances, double[] sums, long[] counts)
    {
        var width = problem.Width;
        int[] empty = [.. Enumerable.Range(0, counts.Length).Where(c => counts[c] == 0)];
        int[] farthest = [.. Enumerable.Range(0, problem.Rows).OrderByDescending(r => distances[r]).ThenBy(r => r).Take(empty.Length)];
        for (var i = 0; i < Math.Min(empty.Length, farthest.Length); i++)
        {
            var (row, old, to) = (farthest[i], labels[farthest[i]], empty[i]);
            for (var j = 0; j < width; j++)
            {
                var v = problem.X[row * width + j];
                sums[old * width + j] -= v;
                sums[to * width + j] = v;
            }
            counts[old]--;
            counts[to] = 1;
        }
        // A cluster left with no rows keeps a zero sum; give it a count of one so its centre is the mean (0) rather than NaN.
        for (var c = 0; c < counts.Length; c++)
            if (counts[c] == 0) counts[c] = 1;
    }
}
