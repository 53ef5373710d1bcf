using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Prep;
using Lathe.Training;

namespace Lathe.Testing;

/// <summary>
/// The checks every estimator must pass (scikit-learn's check_estimator idea): it learns (beats always
/// predicting the most frequent class), save → load predicts identically, the same seed gives the same
/// model, gaps without an imputer and a single class are clear errors, and so is a missing column at
/// prediction time. Derive a class per estimator and give it a factory.
/// </summary>
public abstract class EstimatorConformance
{
    /// <summary>A fresh estimator for a classification task on numeric features.</summary>
    protected abstract IEstimator CreateClassifier();

    /// <summary>Registers the estimator's model type for loading.</summary>
    protected abstract ModelCatalog Catalog { get; }

    /// <summary>Added to every feature value: estimators that need non-negative inputs (counts) raise it.</summary>
    protected virtual float FeatureOffset => 0;

    /// <summary>The preparation fitted and saved with the model in the save/load check.</summary>
    protected virtual ITransform[] Preparation => [new StandardScaler()];

    /// <summary>Three Gaussian blobs in 4-D (two informative dimensions), 3 classes, shifted by <see cref="FeatureOffset"/>.</summary>
    protected Table Blobs(int rows, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, 4).Select(_ => new float[rows]).ToArray();
        var labels = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            var k = r % 3;
            for (var c = 0; c < 4; c++)
                x[c][r] = FeatureOffset + (float)((c == 0 ? 3.0 * (k == 1 ? 1 : 0) : c == 1 ? 3.0 * (k == 2 ? 1 : 0) : 0) + Gaussian(random));
            labels[r] = $"class{k}";
        }
        return new Table([.. x.Select((v, c) => (Column)new NumericColumn($"x{c}", v)), CategoricalColumn.FromStrings("label", labels, ["class0", "class1", "class2"])]);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static TrainingData Data(Table table) => new(table, null, "label", TaskKind.Classification);

    [Fact]
    public void It_learns_better_than_the_most_frequent_class()
    {
        var model = CreateClassifier().Fit(Data(Blobs(300, 1)), new FitContext(1));
        var test = Blobs(150, 2);
        var accuracy = Scoring.Score(model.Predict(test), test["label"])["accuracy"];
        Assert.True(accuracy > 0.7, $"accuracy {accuracy} (the most frequent class scores 0.33; the best possible is about 0.9)");
    }

    [Fact]
    public void Save_then_load_predicts_identically()
    {
        var model = (PipelineModel)new Pipeline(Preparation, CreateClassifier()).Fit(Data(Blobs(150, 1)), new FitContext(1));
        var dir = Path.Combine(Path.GetTempPath(), "lathe-conformance-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            ModelFolder.Save(model, dir);
            var test = Blobs(60, 3);
            Assert.Equal(model.Predict(test).Probabilities, ModelFolder.Load(dir, Catalog).Predict(test).Probabilities);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_model()
    {
        var data = Data(Blobs(150, 1));
        var test = Blobs(60, 3);
        Assert.Equal(CreateClassifier().Fit(data, new FitContext(7)).Predict(test).Probabilities,
            CreateClassifier().Fit(data, new FitContext(7)).Predict(test).Probabilities);
    }

    [Fact]
    public void Gaps_without_an_imputer_are_a_clear_error_and_with_one_they_are_filled()
    {
        var table = Blobs(90, 1);
        var x0 = ((NumericColumn)table["x0"]).Values.ToArray();
        x0[5] = float.NaN;
        var gappy = table.With(new NumericColumn("x0", x0));
        var e = Assert.Throws<LatheException>(() => CreateClassifier().Fit(Data(gappy), new FitContext()));
        Assert.Contains("missing value in row 6", e.Message);
        var model = new Pipeline([new Imputer()], CreateClassifier()).Fit(Data(gappy), new FitContext());
        Assert.Equal(90, model.Predict(gappy).RowCount);
    }

    [Fact]
    public void A_single_class_is_a_clear_error()
    {
        var table = Blobs(30, 1);
        var one = table.With(CategoricalColumn.FromStrings("label", [.. Enumerable.Repeat<string?>("class0", 30)], ["class0", "class1"]));
        var e = Assert.Throws<LatheException>(() => CreateClassifier().Fit(Data(one), new FitContext()));
        Assert.Contains("single class", e.Message);
    }

    [Fact]
    public void Predicting_without_a_trained_column_names_it()
    {
        var model = new Pipeline(CreateClassifier()).Fit(Data(Blobs(90, 1)), new FitContext());
        var e = Assert.Throws<LatheException>(() => model.Predict(Blobs(10, 2).Without("x2")));
        Assert.Contains("column 'x2' is missing", e.Message);
    }
}
