using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Models.Linear;
using Lathe.Synthetic;
using Lathe.Training;

namespace Lathe.Tests.Synthetic;

public class SmoteTests
{
    private static Table Imbalanced(int majority, int minority, int seed)
    {
        var random = new Random(seed);
        var x = new float[majority + minority];
        var y = new float[majority + minority];
        var labels = new string?[majority + minority];
        for (var r = 0; r < x.Length; r++)
        {
            var isMinority = r >= majority;
            x[r] = (float)(StandardNormal.Sample(random) + (isMinority ? 3 : 0));
            y[r] = (float)(10 * StandardNormal.Sample(random));
            labels[r] = isMinority ? "rare" : "common";
        }
        return new Table([new NumericColumn("x", x), new NumericColumn("y", y), CategoricalColumn.FromStrings("label", labels)]);
    }

    private static int[] Counts(Table table)
    {
        var label = (CategoricalColumn)table["label"];
        return [.. Enumerable.Range(0, label.Categories.Count).Select(c => label.Codes.ToArray().Count(k => k == c))];
    }

    [Fact]
    public void Each_smaller_class_grows_to_the_majority_count_or_the_ratio()
    {
        var table = Imbalanced(100, 10, 1);
        var balanced = Smote.Oversample(table, "label", new SmoteOptions(), seed: 3);
        Assert.Equal([100, 100], Counts(balanced));
        Assert.Equal(GeneratorsTests.Csv(table), GeneratorsTests.Csv(balanced.Take([.. Enumerable.Range(0, 110)]))); // originals first, unchanged
        Assert.Equal([100, 50], Counts(Smote.Oversample(table, "label", new SmoteOptions { Ratio = 0.5 }, seed: 3)));
        Assert.Equal(GeneratorsTests.Csv(balanced), GeneratorsTests.Csv(Smote.Oversample(table, "label", new SmoteOptions(), seed: 3)));
        Assert.NotEqual(GeneratorsTests.Csv(balanced), GeneratorsTests.Csv(Smote.Oversample(table, "label", new SmoteOptions(), seed: 4)));

        // A class large enough for the k-d tree search gives the same counts and stays reproducible.
        var large = Imbalanced(3000, 400, 2);
        var once = Smote.Oversample(large, "label", new SmoteOptions(), seed: 1);
        Assert.Equal([3000, 3000], Counts(once));
        Assert.Equal(GeneratorsTests.Csv(once), GeneratorsTests.Csv(Smote.Oversample(large, "label", new SmoteOptions(), seed: 1)));
    }

    [Fact]
    public void Synthetic_rows_lie_on_segments_between_a_row_and_its_nearest_neighbour()
    {
        // Minority rows come in tight, far-apart pairs: with k = 1 every synthetic row lies between the two rows of one pair.
        float[] px = [0, 0.1f, 10, 10.2f, -10, -10.1f];
        float[] py = [0, 0.1f, 10, 10.1f, 10, 10.3f];
        var majority = 20;
        var x = px.Concat(Enumerable.Range(0, majority).Select(i => 50f + i)).ToArray();
        var y = py.Concat(Enumerable.Range(0, majority).Select(i => -50f - i)).ToArray();
        var labels = Enumerable.Range(0, x.Length).Select(r => r < px.Length ? "rare" : "common").ToArray();
        var table = new Table([new NumericColumn("x", x), new NumericColumn("y", y), CategoricalColumn.FromStrings("label", labels)]);
        var balanced = Smote.Oversample(table, "label", new SmoteOptions { K = 1 }, seed: 1);
        Assert.Equal(2 * majority, balanced.RowCount);
        var (sx, sy) = ((NumericColumn)balanced["x"], (NumericColumn)balanced["y"]);
        for (var r = x.Length; r < balanced.RowCount; r++)
        {
            Assert.Equal("rare", balanced["label"].Format(r));
            var onAPairSegment = Enumerable.Range(0, 3).Any(p => OnSegment(sx[r], sy[r], px[2 * p], py[2 * p], px[2 * p + 1], py[2 * p + 1]));
            Assert.True(onAPairSegment, $"synthetic row ({sx[r]}, {sy[r]}) lies on no segment between nearest neighbours");
        }
    }

    private static bool OnSegment(float x, float y, float ax, float ay, float bx, float by)
    {
        var (dx, dy) = (bx - ax, by - ay);
        var t = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
        var (cx, cy) = (ax + t * dx, ay + t * dy);
        return t is >= -1e-4f and <= 1 + 1e-4f && Math.Abs(cx - x) < 1e-4 && Math.Abs(cy - y) < 1e-4;
    }

    [Fact]
    public void Categorical_features_take_the_neighbours_majority_and_text_is_refused()
    {
        // Every rare row's neighbours are "blue", so every synthetic rare row is blue, even one made from the single red row.
        float[] x = [0, 0.1f, 0.2f, 0.3f, 5, 6, 7, 8, 9, 10, 11, 12];
        string[] colour = ["red", "blue", "blue", "blue", "red", "red", "red", "red", "red", "red", "red", "red"];
        var labels = x.Select((_, r) => r < 4 ? "rare" : "common").ToArray();
        var table = new Table([new NumericColumn("x", x), CategoricalColumn.FromStrings("colour", colour), CategoricalColumn.FromStrings("label", labels)]);
        var balanced = Smote.Oversample(table, "label", new SmoteOptions { K = 3 }, seed: 2);
        Assert.Equal(16, balanced.RowCount);
        for (var r = 12; r < 16; r++) Assert.Equal("blue", balanced["colour"].Format(r));

        var withText = table.With(new TextColumn("note", [.. x.Select(_ => "n")]));
        var e = Assert.Throws<LatheException>(() => Smote.Oversample(withText, "label", new SmoteOptions(), 0, "data.balance"));
        Assert.Contains("data.balance", e.Message);
        Assert.Contains("'note' is text", e.Message);
        var regression = table.Without("label").With(new NumericColumn("label", x));
        Assert.Contains("regression", Assert.Throws<LatheException>(() => Smote.Oversample(regression, "label", new SmoteOptions(), 0)).Message);
    }

    [Fact]
    public void Smote_raises_the_balanced_accuracy_of_a_logistic_model_on_imbalanced_data()
    {
        var train = Imbalanced(1000, 30, seed: 1);
        var test = Imbalanced(500, 500, seed: 2);
        (double Balanced, double MinorityRecall) Score(Table rows)
        {
            var model = new LogisticRegression().Fit(new TrainingData(rows, null, "label", TaskKind.Classification), new FitContext());
            var truth = ((CategoricalColumn)test["label"]).Codes.ToArray();
            var predicted = model.Predict(test).ClassIndices!;
            var recall = Enumerable.Range(0, truth.Length).Where(r => truth[r] == 1).Average(r => predicted[r] == 1 ? 1.0 : 0.0);
            return (ClassificationMetrics.BalancedAccuracy(truth, predicted, 2), recall);
        }
        var plain = Score(train);
        var smote = Score(Smote.Oversample(train, "label", new SmoteOptions(), seed: 1));
        Assert.True(smote.Balanced > plain.Balanced + 0.05, $"balanced accuracy {plain.Balanced:F3} → {smote.Balanced:F3}");
        Assert.True(smote.MinorityRecall > plain.MinorityRecall + 0.15, $"minority recall {plain.MinorityRecall:F3} → {smote.MinorityRecall:F3}");
    }
}
