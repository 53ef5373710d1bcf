using System.Numerics.Tensors;

namespace Lathe.Models.Neighbors;

/// <summary>
/// A k-d tree over the training rows for low-dimensional k-NN queries: each node splits its rows at the
/// median of its widest dimension; a query visits the nearer child first and skips a node whose bounding
/// box is farther than the current k-th neighbour. Answers exactly what the brute-force scan answers
/// (same distances, ties to the earlier row), only faster when there are few dimensions and many rows.
/// Rebuilt from the rows when a model loads, so nothing extra is saved.
/// </summary>
internal sealed class KdTree
{
    private const int LeafSize = 16;

    private readonly float[] _x;
    private readonly int _width;
    private readonly int[] _order;
    private readonly List<Node> _nodes = [];
    private readonly List<float> _bounds = []; // per node: width lows then width highs

    private readonly record struct Node(int Start, int End, int Left, int Right);

    public KdTree(float[] x, int width)
    {
        (_x, _width) = (x, width);
        _order = [.. Enumerable.Range(0, x.Length / width)];
        Build(0, _order.Length);
    }

    /// <summary>Few dimensions and enough rows for pruning to pay; beyond ~16 dimensions boxes overlap every query.</summary>
    public static bool Suits(int rows, int width) => width <= 16 && rows >= 256;

    private int Build(int start, int end)
    {
        var node = _nodes.Count;
        _nodes.Add(default);
        var (low, high) = (new float[_width], new float[_width]);
        Array.Fill(low, float.PositiveInfinity);
        Array.Fill(high, float.NegativeInfinity);
        for (var i = start; i < end; i++)
            for (var f = 0; f < _width; f++)
            {
                var v = _x[_order[i] * _width + f];
                low[f] = Math.Min(low[f], v);
                high[f] = Math.Max(high[f], v);
            }
        _bounds.AddRange(low);
        _bounds.AddRange(high);
        if (end - start <= LeafSize)
        {
            _nodes[node] = new Node(start, end, -1, -1);
            return node;
        }
        var widest = 0;
        for (var f = 1; f < _width; f++)
            if (high[f] - low[f] > high[widest] - low[widest]) widest = f;
        // Sort this node's rows along the widest dimension (row number breaks ties: deterministic) and halve.
        var span = _order.AsSpan(start, end - start);
        var keys = new float[span.Length];
        for (var i = 0; i < span.Length; i++) keys[i] = _x[span[i] * _width + widest];
        var rowsByKey = span.ToArray();
        Array.Sort(keys, rowsByKey);
        rowsByKey.CopyTo(span);
        var middle = start + (end - start) / 2;
        var left = Build(start, middle);
        var right = Build(middle, end);
        _nodes[node] = new Node(start, end, left, right);
        return node;
    }

    /// <summary>The k nearest training rows to <paramref name="query"/>, nearest first; equal distances go to the earlier row.</summary>
    public (int[] Index, float[] Distance) Nearest(ReadOnlySpan<float> query, int k)
    {
        var best = new Neighbours(k);
        Search(0, query, best);
        return best.Result();
    }

    private void Search(int node, ReadOnlySpan<float> query, Neighbours best)
    {
        var (start, end, left, right) = _nodes[node];
        if (left < 0)
        {
            for (var i = start; i < end; i++)
            {
                var row = _order[i];
                best.Offer(row, TensorPrimitives.Distance(_x.AsSpan(row * _width, _width), query));
            }
            return;
        }
        var (leftGap, rightGap) = (BoxDistance(left, query), BoxDistance(right, query));
        var (near, far, farGap) = leftGap <= rightGap ? (left, right, rightGap) : (right, left, leftGap);
        Search(near, query, best);
        if (best.MayImprove(farGap)) Search(far, query, best);
    }

    /// <summary>Distance from the query to the node's bounding box (0 inside).</summary>
    private float BoxDistance(int node, ReadOnlySpan<float> query)
    {
        var offset = node * 2 * _width;
        double sum = 0;
        for (var f = 0; f < _width; f++)
        {
            var q = query[f];
            var (low, high) = (_bounds[offset + f], _bounds[offset + _width + f]);
            var gap = q < low ? low - q : q > high ? q - high : 0;
            sum += (double)gap * gap;
        }
        return (float)Math.Sqrt(sum);
    }

    /// <summary>The best k so far, ordered by (distance, row).</summary>
    private sealed class Neighbours(int k)
    {
        private readonly int[] _index = new int[k];
        private readonly float[] _distance = new float[k];
        private int _count;

        public void Offer(int row, float distance)
        {
            if (_count == k && !Before(distance, row, _distance[k - 1], _index[k - 1])) return;
            var at = Math.Min(_count, k - 1);
            while (at > 0 && Before(distance, row, _distance[at - 1], _index[at - 1]))
            {
                _index[at] = _index[at - 1];
                _distance[at] = _distance[at - 1];
                at--;
            }
            _index[at] = row;
            _distance[at] = distance;
            if (_count < k) _count++;
        }

        /// <summary>
        /// Whether a box this far away could hold a better (or tying) row. A small margin covers the float
        /// rounding between the box bound and the SIMD distance, so pruning never changes the answer.
        /// </summary>
        public bool MayImprove(float gap) => _count < k || gap <= _distance[k - 1] * (1 + 1e-5f) + 1e-6f;

        public (int[] Index, float[] Distance) Result() => (_index[.._count], _distance[.._count]);

        private static bool Before(float d, int row, float otherD, int otherRow) => d < otherD || (d == otherD && row < otherRow);
    }
}
