namespace Lathe.Models.Trees;

/// <summary>
/// Minimal cost-complexity pruning (Breiman et al. 1984, as scikit-learn's ccp_alpha): repeatedly turns
/// into a leaf the internal node whose subtree buys the least impurity per extra leaf — the weakest link,
/// g(t) = (R(t) − R(subtree)) / (leaves − 1), with R(t) = impurity × rows(t) / rows(root) — while that
/// g is at most alpha. A larger alpha gives a smaller tree.
/// </summary>
internal static class CostComplexityPruning
{
    /// <summary>The nodes that stay leaves after pruning (pruned internal nodes included); their descendants are dropped.</summary>
    public static bool[] PrunedLeaves(int[] left, int[] right, double[] impurity, double[] samples, double alpha)
    {
        var n = left.Length;
        var leaf = new bool[n];
        for (var i = 0; i < n; i++) leaf[i] = left[i] < 0;
        var risk = new double[n];
        for (var i = 0; i < n; i++) risk[i] = impurity[i] * samples[i] / samples[0];
        var subtreeRisk = new double[n];
        var leaves = new int[n];
        while (true)
        {
            Measure(0, left, right, leaf, risk, subtreeRisk, leaves);
            var weakest = -1;
            var weakestG = double.PositiveInfinity;
            for (var i = 0; i < n; i++)
            {
                if (leaf[i] || leaves[i] <= 1 || !Reachable(i)) continue;
                var g = (risk[i] - subtreeRisk[i]) / (leaves[i] - 1);
                if (g < weakestG) (weakest, weakestG) = (i, g);
            }
            if (weakest < 0 || weakestG > alpha) return leaf;
            leaf[weakest] = true;
        }

        // Nodes under a pruned node keep stale measures; Measure marks the reachable ones with leaves > 0.
        bool Reachable(int node) => leaves[node] > 0;
    }

    /// <summary>Post-order: each reachable node's leaf count and the total risk of its leaves; unreachable nodes get 0 leaves.</summary>
    private static void Measure(int root, int[] left, int[] right, bool[] leaf, double[] risk, double[] subtreeRisk, int[] leaves)
    {
        Array.Clear(leaves);
        var stack = new Stack<(int Node, bool Children)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, childrenDone) = stack.Pop();
            if (leaf[node])
            {
                (leaves[node], subtreeRisk[node]) = (1, risk[node]);
                continue;
            }
            if (childrenDone)
            {
                leaves[node] = leaves[left[node]] + leaves[right[node]];
                subtreeRisk[node] = subtreeRisk[left[node]] + subtreeRisk[right[node]];
                continue;
            }
            stack.Push((node, true));
            stack.Push((right[node], false));
            stack.Push((left[node], false));
        }
    }
}
