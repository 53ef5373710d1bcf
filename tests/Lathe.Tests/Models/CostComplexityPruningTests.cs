using Lathe.Data;
using Lathe.Models;
using Lathe.Models.Trees;
using Lathe.Training;

namespace Lathe.Tests.Models;

public class CostComplexityPruningTests
{
    /// <summary>
    /// x = 0..7, classes a a a a b b b a. The grown tree splits at 3.5 (left pure) and then at 6.5.
    /// By hand (Gini): R(root) = 30/64 = 0.46875, R(right node) = 0.375 × 4/8 = 0.1875, leaves 0; so the
    /// right node's weakest-link g = 0.1875, and once it is pruned the root's g = (0.46875 − 0.1875) / 1 = 0.28125.
    /// </summary>
    [Theory]
    [InlineData(0.0, 5)]
    [InlineData(0.18, 5)]
    [InlineData(0.19, 3)]
    [InlineData(0.28, 3)]
    [InlineData(0.29, 1)]
    public void Alpha_prunes_the_weakest_links_computed_by_hand(double alpha, int nodes)
    {
        var table = new Table([new NumericColumn("x", [0, 1, 2, 3, 4, 5, 6, 7]),
            CategoricalColumn.FromStrings("label", ["a", "a", "a", "a", "b", "b", "b", "a"], ["a", "b"])]);
        var model = (DecisionTreeModel)new DecisionTreeClassifier(new TreeOptions { CcpAlpha = alpha })
            .Fit(new TrainingData(table, null, "label", TaskKind.Classification), new FitContext());
        Assert.Equal(nodes, model.Tree.NodeCount);
        if (nodes == 3)
        {
            // The pruned right node predicts its majority with its class shares: 1 a, 3 b.
            var p = model.Predict(new Table([new NumericColumn("x", [6.8f])]));
            Assert.Equal("b", p.Label(0));
            Assert.Equal(0.75f, p.Probability(0, 1), 6);
        }
    }

    [Fact]
    public void Pruning_a_noisy_tree_keeps_accuracy_with_far_fewer_nodes()
    {
        var random = new Random(5);
        Table Noisy(int rows)
        {
            var x = Enumerable.Range(0, rows).Select(_ => (float)random.NextDouble()).ToArray();
            var labels = x.Select(v => (v > 0.5) ^ (random.NextDouble() < 0.15) ? "high" : "low").ToArray<string?>();
            return new Table([new NumericColumn("x", x), CategoricalColumn.FromStrings("label", labels, ["high", "low"])]);
        }
        var train = new TrainingData(Noisy(400), null, "label", TaskKind.Classification);
        var test = Noisy(400);
        var full = (DecisionTreeModel)new DecisionTreeClassifier().Fit(train, new FitContext());
        var pruned = (DecisionTreeModel)new DecisionTreeClassifier(new TreeOptions { CcpAlpha = 0.01 }).Fit(train, new FitContext());
        Assert.True(pruned.Tree.NodeCount * 10 < full.Tree.NodeCount, $"{pruned.Tree.NodeCount} vs {full.Tree.NodeCount} nodes");
        double Accuracy(DecisionTreeModel m) => Lathe.Metrics.Scoring.Score(m.Predict(test), test["label"])["accuracy"];
        Assert.True(Accuracy(pruned) >= Accuracy(full), $"pruned {Accuracy(pruned)} vs full {Accuracy(full)}");
        Assert.Equal(1.0, pruned.FeatureImportances.Values.Sum(), 9);
    }
}
