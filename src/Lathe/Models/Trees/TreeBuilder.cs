using System.Runtime.CompilerServices;
namespace Lathe.Models.Trees;

/// <summary>
/// Grows a CART tree: at each node, for each candidate feature, sorts the node's rows by that feature (in place, in reused buffers) and
/// scans the thresholds between distinct values for the largest impurity decrease (Gini, entropy or
/// variance). Thresholds are midpoints between neighbouring values, as in scikit-learn.
/// </summary>
internal sealed class TreeBuilder
{
    private readonly float[] _columns;
    private readonly int _rowCount;
    private readonly int _width;
    private readonly int[]? _classes;
    private readonly float[]? _values;
    private readonly int _classCount;
    private readonly TreeOptions _options;
    private readonly string _criterion;
    private readonly bool _entropy;
    private readonly bool _parallelFeatures;
    private readonly Random _random;
    private readonly List<int> _feature = [], _left = [], _right = [];
    private readonly List<float> _threshold = [];
    private readonly List<float[]> _value = [];
    private readonly List<double> _impurity = [], _samples = [];
    private ScanBuffers? _buffers;
    private int _rootSize;
    private readonly FeatureRanks? _ranks;

    /// <param name="columns">The training matrix column by column (<see cref="ColumnMajor"/>): a feature's values lie together, as the scan reads them.</param>
    /// <param name="parallelFeatures">Search a big node's features on several threads (for a lone tree; a forest parallelizes over trees).</param>
    /// <param name="ranks">For classification: the ranks of low-cardinality features (<see cref="FeatureRanks"/>), shared by a forest's trees.</param>
    public TreeBuilder(float[] columns, int width, int[]? classes, int classCount, float[]? values, TreeOptions options, int seed, bool parallelFeatures = false,
        FeatureRanks? ranks = null)
    {
        (_columns, _width, _classes, _classCount, _values, _options, _parallelFeatures) = (columns, width, classes, classCount, values, options, parallelFeatures);
        // Regression keeps the sorted scan: its running sums would add the same values in another order (last-bit differences).
        _ranks = classes is null ? null : ranks;
        _rowCount = width == 0 ? 0 : columns.Length / width;
        _criterion = options.Criterion == "auto" ? (classes is null ? "mse" : "gini") : options.Criterion;
        _entropy = _criterion == "entropy";
        if ((_criterion == "mse") != (classes is null))
            throw LatheException.BadConfig($"model.criterion: {_criterion} does not fit {(classes is null ? "regression" : "classification")}.");
        _random = new Random(seed);
        Importances = new double[width];
    }

    /// <summary>The row-major matrix <paramref name="x"/> rearranged column by column.</summary>
    public static float[] ColumnMajor(float[] x, int width)
    {
        var rows = width == 0 ? 0 : x.Length / width;
        var columns = new float[x.Length];
        for (var r = 0; r < rows; r++)
            for (var f = 0; f < width; f++) columns[f * rows + r] = x[r * width + f];
        return columns;
    }

    /// <summary>Each feature's share of the total weighted impurity decrease in the built tree (set by <see cref="Build"/>).</summary>
    public double[] Importances { get; }

    /// <summary>
    /// Grows the tree on the given rows (repeats allowed: a bootstrap sample counts a row as often as drawn),
    /// then prunes it by cost complexity when <see cref="TreeOptions.CcpAlpha"/> is above 0.
    /// </summary>
    public DecisionTree Build(int[] rows)
    {
        _rootSize = rows.Length;
        Grow(rows, 0);
        var kept = Enumerable.Range(0, _feature.Count).ToArray();
        if (_options.CcpAlpha > 0)
        {
            var leaf = CostComplexityPruning.PrunedLeaves([.. _left], [.. _right], [.. _impurity], [.. _samples], _options.CcpAlpha);
            kept = Compact(leaf);
        }
        var (feature, threshold, left, right) = (new int[kept.Length], new float[kept.Length], new int[kept.Length], new int[kept.Length]);
        var index = new Dictionary<int, int>();
        for (var i = 0; i < kept.Length; i++) index[kept[i]] = i;
        for (var i = 0; i < kept.Length; i++)
        {
            var old = kept[i];
            var isLeaf = _left[old] < 0 || !index.ContainsKey(_left[old]); // a leaf, or pruned into one
            (feature[i], threshold[i]) = isLeaf ? (-1, 0f) : (_feature[old], _threshold[old]);
            (left[i], right[i]) = isLeaf ? (-1, -1) : (index[_left[old]], index[_right[old]]);
            if (isLeaf) continue;
            // Importance: the split's weighted impurity decrease (scikit-learn's definition).
            Importances[_feature[old]] += _samples[old] * _impurity[old] - _samples[_left[old]] * _impurity[_left[old]] - _samples[_right[old]] * _impurity[_right[old]];
        }
        var total = Importances.Sum();
        if (total > 0)
            for (var f = 0; f < Importances.Length; f++) Importances[f] /= total;
        return new DecisionTree(feature, threshold, left, right, [.. kept.Select(k => _value[k])], _width);
    }

    /// <summary>The nodes reachable from the root when <paramref name="leaf"/> nodes have no children, in their original order.</summary>
    private int[] Compact(bool[] leaf)
    {
        var reachable = new bool[leaf.Length];
        var stack = new Stack<int>([0]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            reachable[node] = true;
            if (leaf[node]) continue;
            stack.Push(_left[node]);
            stack.Push(_right[node]);
        }
        return [.. Enumerable.Range(0, leaf.Length).Where(i => reachable[i])];
    }

    private int Grow(int[] rows, int depth)
    {
        var node = _feature.Count;
        _feature.Add(-1);
        _threshold.Add(0);
        _left.Add(-1);
        _right.Add(-1);
        _value.Add(ValueOf(rows));
        var counts = new SplitScan(this, rows); // the node's class counts (or sums), shared by the impurity and every feature's scan
        var impurity = counts.TotalImpurity(rows.Length);
        _impurity.Add(impurity);
        _samples.Add(rows.Length);
        if (rows.Length < _options.MinSamplesSplit || depth == _options.MaxDepth || impurity <= 1e-12) return node;
        if (FindSplit(rows, impurity, counts) is not { } split) return node;

        _feature[node] = split.Feature;
        _threshold[node] = split.Threshold;
        _left[node] = Grow(split.Left, depth + 1);
        _right[node] = Grow(split.Right, depth + 1);
        return node;
    }

    private readonly record struct Split(int Feature, float Threshold, int[] Left, int[] Right);

    /// <summary>The best threshold of one feature: the decrease and how many sorted rows go left.</summary>
    private readonly record struct Candidate(double Decrease, float Threshold, int LeftCount);

    /// <summary>Rows × features of a node above which a lone tree searches its features on several threads.</summary>
    private const long ParallelWork = 20_000;

    private Split? FindSplit(int[] rows, double parentImpurity, SplitScan node)
    {
        // Features in a seeded random order at every node, as scikit-learn visits them: it picks the subset for
        // max_features and breaks ties between equally good splits (common on small data), so no feature is
        // favoured by its column position.
        var features = Enumerable.Range(0, _width).ToArray();
        _random.Shuffle(features);
        if (_options.MaxFeatures is { } m && m < _width) features = features[..m];
        var candidates = new Candidate[features.Length];
        // Big nodes of a single tree search features in parallel (a forest already runs trees in parallel).
        if (_parallelFeatures && (long)rows.Length * features.Length > ParallelWork)
            Parallel.For(0, features.Length, () => new ScanBuffers(rows.Length, _classCount),
                (i, _, buffers) => { candidates[i] = BestThreshold(features[i], rows, parentImpurity, buffers, node); return buffers; }, _ => { });
        else
        {
            // One set of buffers, sized for the root, serves every node searched on this thread.
            var buffers = _buffers ??= new ScanBuffers(_rootSize, _classCount);
            for (var i = 0; i < features.Length; i++) candidates[i] = BestThreshold(features[i], rows, parentImpurity, buffers, node);
        }
        // The first feature (in the shuffled search order) with the largest decrease wins.
        var best = -1;
        for (var i = 0; i < candidates.Length; i++)
            if (candidates[i].Decrease > 1e-12 && (best < 0 || candidates[i].Decrease > candidates[best].Decrease)) best = i;
        if (best < 0) return null;
        var (feature, threshold) = (features[best], candidates[best].Threshold);
        var left = new int[candidates[best].LeftCount];
        var right = new int[rows.Length - left.Length];
        int l = 0, r = 0;
        var column = _columns.AsSpan(feature * _rowCount, _rowCount);
        foreach (var row in rows)
        {
            if (column[row] <= threshold) left[l++] = row;
            else right[r++] = row;
        }
        return new Split(feature, threshold, left, right);
    }

    // Fully optimized from the first call: a one-shot fit would otherwise run this loop as unoptimized tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Candidate BestThreshold(int feature, int[] rows, double parentImpurity, ScanBuffers buffers, SplitScan node)
    {
        if (_ranks?.RanksOf(feature) is { } ranks) return BestThresholdByCounts(feature, ranks, rows, parentImpurity, buffers, node);
        var n = rows.Length;
        var keys = buffers.Keys.AsSpan(0, n);
        var order = buffers.Order.AsSpan(0, n);
        var column = _columns.AsSpan(feature * _rowCount, _rowCount);
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var value = column[rows[i]];
            keys[i] = value;
            order[i] = rows[i];
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
        if (min == max) return default; // constant here (e.g. a blank image border): nothing to split or sort
        RadixSort.Sort(keys, order, buffers.Sort);
        var scan = node.Restart(buffers);
        var minLeaf = _options.MinSamplesLeaf;
        var best = new Candidate(0, 0, 0);
        for (var i = 1; i < n; i++)
        {
            scan.MoveLeft(order[i - 1]);
            if (i < minLeaf || n - i < minLeaf) continue;
            var (a, b) = (keys[i - 1], keys[i]);
            if (a == b) continue;
            var decrease = parentImpurity - scan.ChildImpurity(i, n - i);
            if (decrease > best.Decrease)
            {
                // Midpoint as scikit-learn; if rounding lands on b, use a so that "x <= threshold" keeps exactly i rows left.
                var threshold = a + (b - a) / 2;
                best = new Candidate(decrease, threshold == b ? a : threshold, i);
            }
        }
        return best;
    }

    /// <summary>
    /// <see cref="BestThreshold"/> for a feature of few distinct values: rows counted per (rank, class), then the ranks
    /// scanned in order — the thresholds, counts and decreases of the sorted scan, without sorting.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Candidate BestThresholdByCounts(int feature, byte[] ranks, int[] rows, double parentImpurity, ScanBuffers buffers, SplitScan node)
    {
        var n = rows.Length;
        var k = _classCount;
        var distinct = _ranks!.ValuesOf(feature);
        var counts = buffers.RankCounts.AsSpan(0, distinct.Length * k);
        var perRank = buffers.RankRows.AsSpan(0, distinct.Length);
        counts.Clear();
        perRank.Clear();
        var classes = _classes!;
        foreach (var row in rows)
        {
            var r = ranks[row];
            counts[r * k + classes[row]]++;
            perRank[r]++;
        }
        var scan = node.Restart(buffers);
        var minLeaf = _options.MinSamplesLeaf;
        var best = new Candidate(0, 0, 0);
        var left = 0;
        var previous = -1;
        for (var r = 0; r < distinct.Length; r++)
        {
            if (perRank[r] == 0) continue;
            if (previous >= 0 && left >= minLeaf && n - left >= minLeaf)
            {
                var decrease = parentImpurity - scan.ChildImpurity(left, n - left);
                if (decrease > best.Decrease)
                {
                    var (a, b) = (distinct[previous], distinct[r]);
                    var threshold = a + (b - a) / 2;
                    best = new Candidate(decrease, threshold == b ? a : threshold, left);
                }
            }
            scan.MoveLeft(counts.Slice(r * k, k));
            left += perRank[r];
            previous = r;
        }
        return best;
    }

    /// <summary>Per-thread scratch arrays for the threshold scan, so searching a feature allocates nothing.</summary>
    private sealed class ScanBuffers(int rows, int classCount)
    {
        public readonly float[] Keys = new float[rows];
        public readonly int[] Order = new int[rows];
        public readonly double[] LeftCounts = new double[classCount];
        public readonly double[] TotalCounts = new double[classCount];
        public readonly RadixSort.Scratch Sort = new(rows);
        public readonly int[] RankCounts = new int[FeatureRanks.MaxDistinct * Math.Max(classCount, 1)];
        public readonly int[] RankRows = new int[FeatureRanks.MaxDistinct];
    }

    private float[] ValueOf(int[] rows)
    {
        if (_classes is null) return [(float)rows.Average(r => (double)_values![r])];
        var counts = new float[_classCount];
        foreach (var r in rows) counts[_classes[r]]++;
        for (var k = 0; k < counts.Length; k++) counts[k] /= rows.Length;
        return counts;
    }

    /// <summary>Running class counts (or sums) of the rows left of a threshold, and the rest on the right.</summary>
    private sealed class SplitScan
    {
        private readonly TreeBuilder _tree;
        private readonly double[] _leftCounts, _totalCounts;
        private double _leftSum, _leftSquares, _totalSum, _totalSquares;

        public SplitScan(TreeBuilder tree, int[] rows)
        {
            _tree = tree;
            _leftCounts = new double[tree._classCount];
            _totalCounts = new double[tree._classCount];
            foreach (var r in rows)
            {
                if (tree._classes is { } c) _totalCounts[c[r]]++;
                else
                {
                    var v = tree._values![r];
                    _totalSum += v;
                    _totalSquares += (double)v * v;
                }
            }
        }

        private SplitScan(TreeBuilder tree, double[] leftCounts, double[] totalCounts, double totalSum, double totalSquares) =>
            (_tree, _leftCounts, _totalCounts, _totalSum, _totalSquares) = (tree, leftCounts, totalCounts, totalSum, totalSquares);

        /// <summary>A scan of the same rows with nothing on the left yet, kept in <paramref name="buffers"/>' arrays.</summary>
        public SplitScan Restart(ScanBuffers buffers)
        {
            Array.Clear(buffers.LeftCounts);
            _totalCounts.CopyTo(buffers.TotalCounts, 0);
            return new SplitScan(_tree, buffers.LeftCounts, buffers.TotalCounts, _totalSum, _totalSquares);
        }

        /// <summary>Moves rows of the given class counts to the left (classification).</summary>
        public void MoveLeft(ReadOnlySpan<int> classCounts)
        {
            for (var c = 0; c < classCounts.Length; c++) _leftCounts[c] += classCounts[c];
        }

        public void MoveLeft(int row)
        {
            if (_tree._classes is { } c) _leftCounts[c[row]]++;
            else
            {
                var v = _tree._values![row];
                _leftSum += v;
                _leftSquares += (double)v * v;
            }
        }

        /// <summary>Impurity of all the scan's rows (before any moved left).</summary>
        public double TotalImpurity(int n) => _tree._classes is null
            ? Variance(_totalSum, _totalSquares, n)
            : ClassImpurity(n, right: true);

        /// <summary>Impurity of the two children weighted by their sizes.</summary>
        public double ChildImpurity(int nLeft, int nRight)
        {
            var n = (double)(nLeft + nRight);
            if (_tree._classes is null)
                return nLeft / n * Variance(_leftSum, _leftSquares, nLeft) +
                       nRight / n * Variance(_totalSum - _leftSum, _totalSquares - _leftSquares, nRight);
            return nLeft / n * ClassImpurity(nLeft, right: false) + nRight / n * ClassImpurity(nRight, right: true);
        }

        /// <summary>Gini or entropy of the left rows, or of the right ones (total minus left).</summary>
        private double ClassImpurity(int n, bool right)
        {
            var entropy = _tree._entropy;
            double impurity = entropy ? 0 : 1;
            for (var k = 0; k < _leftCounts.Length; k++)
            {
                var count = right ? _totalCounts[k] - _leftCounts[k] : _leftCounts[k];
                if (count == 0) continue;
                var p = count / n;
                impurity -= entropy ? p * Math.Log2(p) : p * p;
            }
            return impurity;
        }

        private static double Variance(double sum, double squares, int n) => n == 0 ? 0 : Math.Max(squares / n - sum / n * (sum / n), 0);
    }
}
