using Lathe.Data;
using Lathe.Models;
using Lathe.Models.Bayes;
using Lathe.Prep;
using Lathe.Testing;
using Lathe.Training;

namespace Lathe.Tests.Models;

public class MultinomialNaiveBayesTests
{
    [Fact]
    public void Probabilities_follow_the_smoothed_multinomial_formula()
    {
        // Class a: rows (2, 0), (1, 1) → counts (3, 1); class b: row (0, 3) → counts (0, 3). alpha = 1:
        // θa = (4/6, 2/6), θb = (1/5, 4/5); priors 2/3 and 1/3.
        var table = new Table([new NumericColumn("w1", [2, 1, 0]), new NumericColumn("w2", [0, 1, 3]),
            CategoricalColumn.FromStrings("label", ["a", "a", "b"], ["a", "b"])]);
        var model = new MultinomialNaiveBayes().Fit(new TrainingData(table, null, "label", TaskKind.Classification), new FitContext());
        var p = model.Predict(new Table([new NumericColumn("w1", [1]), new NumericColumn("w2", [2])]));
        var ja = Math.Log(2.0 / 3) + Math.Log(4.0 / 6) + 2 * Math.Log(2.0 / 6);
        var jb = Math.Log(1.0 / 3) + Math.Log(1.0 / 5) + 2 * Math.Log(4.0 / 5);
        Assert.Equal(Math.Exp(ja) / (Math.Exp(ja) + Math.Exp(jb)), p.Probability(0, 0), 5);
    }

    [Fact]
    public void Negative_inputs_are_a_clear_error_naming_the_column()
    {
        var table = new Table([new NumericColumn("w1", [2, 1, 0]), new NumericColumn("w2", [0, -1, 3]),
            CategoricalColumn.FromStrings("label", ["a", "a", "b"], ["a", "b"])]);
        var e = Assert.Throws<LatheException>(() => new MultinomialNaiveBayes().Fit(new TrainingData(table, null, "label", TaskKind.Classification), new FitContext()));
        Assert.Contains("column 'w2' has the negative value -1 in row 2", e.Message);
        Assert.Throws<LatheException>(() => new MultinomialNaiveBayes(alpha: 0));
    }
}

public class MultinomialNaiveBayesConformance : EstimatorConformance
{
    protected override IEstimator CreateClassifier() => new MultinomialNaiveBayes();

    protected override float FeatureOffset => 10;

    protected override ITransform[] Preparation => [new Imputer()];

    protected override ModelCatalog Catalog => new ModelCatalog().Register(MultinomialNaiveBayes.TypeName, MultinomialNaiveBayesModel.Load);
}
