using Lathe.Data;
using Lathe.Models;
using Lathe.Models.Bayes;
using Lathe.Models.Neighbors;
using Lathe.Training;

namespace Lathe.Tests.Models;

public class NeighborsAndBayesTests
{
    [Fact]
    public void K_nearest_neighbours_vote_and_average_as_computed_by_hand()
    {
        var table = new Table([new NumericColumn("x", [0, 1, 2, 10, 11]), NumericColumnOf("y", [1, 1, 1, 5, 9]),
            CategoricalColumn.FromStrings("label", ["a", "a", "b", "b", "b"], ["a", "b"])]);
        var classifier = new KNeighborsClassifier(new NeighborsOptions { K = 3 })
            .Fit(new TrainingData(table.Without("y"), null, "label", TaskKind.Classification), new FitContext());
        var query = new Table([new NumericColumn("x", [0.4f, 10.4f])]);
        var votes = classifier.Predict(query);
        Assert.Equal(2f / 3, votes.Probability(0, 0), 5);      // neighbours 0, 1, 2: a, a, b
        Assert.Equal("b", votes.Label(1));

        var regressor = new KNeighborsRegressor(new NeighborsOptions { K = 2 })
            .Fit(new TrainingData(table.Without("label"), null, "y", TaskKind.Regression), new FitContext());
        Assert.Equal(7f, regressor.Predict(new Table([new NumericColumn("x", [10.4f])])).Values![0], 5); // mean of 5 and 9
    }

    [Fact]
    public void Naive_bayes_matches_the_gaussian_formula()
    {
        // One feature; class a ~ N(0, 1) (values −1, 1), class b ~ N(4, 1) (values 3, 5); equal priors.
        var table = new Table([new NumericColumn("x", [-1, 1, 3, 5]), CategoricalColumn.FromStrings("label", ["a", "a", "b", "b"], ["a", "b"])]);
        var model = new GaussianNaiveBayes().Fit(new TrainingData(table, null, "label", TaskKind.Classification), new FitContext());
        var p = model.Predict(new Table([new NumericColumn("x", [1.5f])]));
        var la = Math.Exp(-0.5 * 1.5 * 1.5);
        var lb = Math.Exp(-0.5 * 2.5 * 2.5);
        Assert.Equal(la / (la + lb), p.Probability(0, 0), 4);
    }

    private static NumericColumn NumericColumnOf(string name, float[] values) => new(name, values);
}
