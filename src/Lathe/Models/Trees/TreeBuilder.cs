namespace Lathe.Models.Trees;

/// <summary>
/// Grows a CART tree: at each node, for each candidate feature, sorts the node's rows by that feature and
/// scans the thresholds between distinct values for the largest impurity decrease (Gini, entropy or
/// variance). Thresholds are midpoints between neighbouring values, as in scikit-learn.
/// </summary>
internal sealed class TreeBuilder
{
    private readonly float[] _x;
    private readonly int _width;
    private readonly int[]? _classes;
    private readonly float[]? _values;
    private readonly int _classCount;
    private readonly TreeOptions _options;
    private readonly string _criterion;
    private readonly Random _random;
    private readonly List<int> _feature = [], _left = [], _right = [];
    private readonly List<float> _threshold = [];
    private readonly List<float[]> _value = [];

    public TreeBuilder(float[] x, int width, int[]? classes, int classCount, float[]? values, TreeOptions options, int seed)
    {
        (_x, _width, _classes, _classCount, _values, _options) = (x, width, classes, classCount, values, options);
        _criterion = options.Criterion == "auto" ? (classes is null ? "mse" : "gini") : options.Criterion;
        if ((_criterion == "mse") != (classes is null))
            throw LatheException.BadConfig($"model.criterion: {_criterion} does not fit {(classes is null ? "regression" : "classification")}.");
        _random = new Random(seed);
        Importances = new double[width];
    }

    /// <summary>Total weighted impurity decrease per feature (normalized by <see cref="Build"/>).</summary>
    public double[] Importances { get; }

    /// <summary>Grows the tree on the given rows (repeats allowed: a bootstrap sample counts a row as often as drawn).</summary>
    public DecisionTree Build(int[] rows)
    {
        Grow(rows, 0);
        var total = Importances.Sum();
        if (total > 0)
            for (var f = 0; f < Importances.Length; f++) Importances[f] /= total;
        return new DecisionTree([.. _feature], [.. _threshold], [.. _left], [.. _right], [.. _value], _width);
    }

    private int Grow(int[] rows, int depth)
    {
        var node = _feature.Count;
        _feature.Add(-1);
        _threshold.Add(0);
        _left.Add(-1);
        _right.Add(-1);
        _value.Add(ValueOf(rows));
        var impurity = Impurity(rows);
        if (rows.Length < _options.MinSamplesSplit || depth == _options.MaxDepth || impurity <= 1e-12) return node;
        if (FindSplit(rows, impurity) is not { } split) return node;

        _feature[node] = split.Feature;
        _threshold[node] = split.Threshold;
        Importances[split.Feature] += split.Decrease * rows.Length;
        _left[node] = Grow(split.Left, depth + 1);
        _right[node] = Grow(split.Right, depth + 1);
        return node;
    }

    private readonly record struct Split(int Feature, float Threshold, double Decrease, int[] Left, int[] Right);

    private Split? FindSplit(int[] rows, double parentImpurity)
    {
        var features = Enumerable.Range(0, _width).ToArray();
        if (_options.MaxFeatures is { } m && m < _width)
        {
            _random.Shuffle(features);
            features = features[..m];
        }
        Split? best = null;
        var minLeaf = _options.MinSamplesLeaf;
        foreach (var f in features)
        {
            var sorted = rows.OrderBy(r => _x[r * _width + f]).ThenBy(r => r).ToArray();
            var scan = new SplitScan(this, sorted);
            for (var i = 1; i < sorted.Length; i++)
            {
                scan.MoveLeft(sorted[i - 1]);
                if (i < minLeaf || sorted.Length - i < minLeaf) continue;
                var a = _x[sorted[i - 1] * _width + f];
                var b = _x[sorted[i] * _width + f];
                if (a == b) continue;
                var decrease = parentImpurity - scan.ChildImpurity(i, sorted.Length - i);
                if (decrease > 1e-12 && (best is null || decrease > best.Value.Decrease))
                    best = new Split(f, a + (b - a) / 2, decrease, sorted[..i], sorted[i..]);
            }
        }
        return best;
    }

    private float[] ValueOf(int[] rows)
    {
        if (_classes is null) return [(float)rows.Average(r => (double)_values![r])];
        var counts = new float[_classCount];
        foreach (var r in rows) counts[_classes[r]]++;
        for (var k = 0; k < counts.Length; k++) counts[k] /= rows.Length;
        return counts;
    }

    private double Impurity(int[] rows)
    {
        var scan = new SplitScan(this, rows);
        foreach (var r in rows) scan.MoveLeft(r);
        return scan.LeftImpurity(rows.Length);
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

        public double LeftImpurity(int n) => _tree._classes is null
            ? Variance(_leftSum, _leftSquares, n)
            : ClassImpurity(_leftCounts, n);

        /// <summary>Impurity of the two children weighted by their sizes.</summary>
        public double ChildImpurity(int nLeft, int nRight)
        {
            var n = (double)(nLeft + nRight);
            if (_tree._classes is null)
                return nLeft / n * Variance(_leftSum, _leftSquares, nLeft) +
                       nRight / n * Variance(_totalSum - _leftSum, _totalSquares - _leftSquares, nRight);
            var right = new double[_leftCounts.Length];
            for (var k = 0; k < right.Length; k++) right[k] = _totalCounts[k] - _leftCounts[k];
            return nLeft / n * ClassImpurity(_leftCounts, nLeft) + nRight / n * ClassImpurity(right, nRight);
        }

        private double ClassImpurity(double[] counts, int n)
        {
            double impurity = _tree._criterion == "entropy" ? 0 : 1;
            foreach (var count in counts)
            {
                if (count == 0) continue;
                var p = count / n;
                impurity += _tree._criterion == "entropy" ? -p * Math.Log2(p) : -p * p;
            }
            return impurity;
        }

        private static double Variance(double sum, double squares, int n) => n == 0 ? 0 : Math.Max(squares / n - sum / n * (sum / n), 0);
    }
}
