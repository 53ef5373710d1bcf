using Lathe.Training;

namespace Lathe.Models.Clustering;

/// <summary>
/// DBSCAN (Ester et al. 1996), as scikit-learn's: a core point has at least min_samples rows (itself
/// included) within eps (Euclidean); core points within eps of each other share a cluster; a non-core row
/// within eps of a core point (a border point) joins the first cluster that reaches it, clusters being
/// numbered in the order of their lowest-numbered core point; every other row is noise (−1). Neighbours are
/// found by exact search: rows sorted along their widest coordinate, SIMD distances, rows in parallel.
/// Deterministic (no random choice). Scale the inputs first (the default preparation does): eps is in
/// the prepared units.
/// </summary>
public sealed class Dbscan : IEstimator
{
    public const string TypeName = "dbscan";

    public Dbscan(DbscanOptions? options = null)
    {
        Options = options ?? new();
        Options.Validate();
    }

    public DbscanOptions Options { get; }

    public string Type => TypeName;

    /// <summary>Fits in one step and reports clusters, noise (rows) and core_points.</summary>
    public IModel Fit(TrainingData data, FitContext context)
    {
        var input = ClusteringInput.Of(data, TypeName);
        var (x, width, n) = (input.X, input.Width, input.Rows);
        context.Start(1, null);
        var search = new SortedRows(x, width);
        var neighbours = new int[n][];
        var core = new bool[n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = context.Cancellation }, r =>
        {
            var found = new List<int>();
            search.Within(new ReadOnlySpan<float>(x, r * width, width), Options.Eps, (row, _) => found.Add(row));
            core[r] = found.Count >= Options.MinSamples;
            neighbours[r] = core[r] ? [.. found] : []; // only core points spread a cluster: keep only their lists
        });
        var labels = Expand(neighbours, core, out var clusters);

        int[] coreRows = [.. Enumerable.Range(0, n).Where(r => core[r])];
        var corePoints = new float[coreRows.Length * width];
        for (var i = 0; i < coreRows.Length; i++) x.AsSpan(coreRows[i] * width, width).CopyTo(corePoints.AsSpan(i * width, width));
        var noise = labels.Count(l => l < 0);
        context.Report(1, new Dictionary<string, double> { ["clusters"] = clusters, ["noise"] = noise, ["core_points"] = coreRows.Length });
        context.Log(coreRows.Length == 0
            ? $"dbscan: no row has {Options.MinSamples} rows within eps {Options.Eps}, so every row is noise; raise model.eps or lower model.min_samples."
            : $"dbscan: {clusters} cluster(s), {coreRows.Length} core point(s), {noise} noise row(s) of {n}.");
        context.Finish();
        return new DbscanModel(input.Features, width, Options, corePoints, [.. coreRows.Select(r => labels[r])], clusters) { TrainingClusters = labels };
    }

    /// <summary>scikit-learn's dbscan_inner: a depth-first walk from each unlabelled core point, in row order.</summary>
    private static int[] Expand(int[][] neighbours, bool[] core, out int clusters)
    {
        var labels = new int[neighbours.Length];
        Array.Fill(labels, -1);
        var stack = new Stack<int>();
        clusters = 0;
        for (var start = 0; start < labels.Length; start++)
        {
            if (labels[start] != -1 || !core[start]) continue;
            stack.Push(start);
            while (stack.TryPop(out var row))
            {
                if (labels[row] != -1) continue;
                labels[row] = clusters;
                if (!core[row]) continue;
                foreach (var next in neighbours[row])
                    if (labels[next] == -1) stack.Push(next);
            }
            clusters++;
        }
        return labels;
    }
}
