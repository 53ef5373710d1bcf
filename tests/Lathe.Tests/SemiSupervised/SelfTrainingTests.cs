using Lathe.Data;
using Lathe.Models;
using Lathe.Models.Neighbors;
using Lathe.Prep;
using Lathe.SemiSupervised;
using Lathe.Training;

namespace Lathe.Tests.SemiSupervised;

public class SelfTrainingTests
{
    private static Pipeline Knn() => new([new StandardScaler()], new KNeighborsClassifier(new NeighborsOptions { K = 3, Weights = "distance" }));

    private static readonly SelfTrainingOptions Gradual = new() { Rounds = 10, MinConfidence = 0.9, MaxShare = 0.1 };

    private static double Accuracy(IModel model, Table validation)
    {
        var prediction = model.Predict(validation);
        return Enumerable.Range(0, validation.RowCount).Count(r => prediction.Label(r) == validation["side"].Format(r)) / (double)validation.RowCount;
    }

    [Fact]
    public void Confident_pseudo_labels_raise_the_validation_accuracy_of_k_nearest_neighbours_over_the_labelled_only_model()
    {
        var (labelled, unlabeled, validation) = LabelledClusters.Make(seed: 3);
        var data = new TrainingData(labelled, validation, "side", TaskKind.Classification);
        var labelledOnly = Accuracy(Knn().Fit(data, new FitContext(1)), validation);

        var logged = new List<string>();
        var result = SelfTraining.Fit(Knn(), data, unlabeled.Without("side"), Gradual, new FitContext(1), logged.Add);
        var selfTrained = Accuracy(result.Model, validation);

        Assert.True(selfTrained >= labelledOnly + 0.05, $"self-trained {selfTrained:0.000} vs labelled only {labelledOnly:0.000}");
        Assert.Equal(labelledOnly, result.Rounds[0].Validation!["accuracy"], 6);
        Assert.Equal(selfTrained, result.FinalValidation!["accuracy"], 6);
        Assert.All(result.Rounds, r => Assert.InRange(r.Added, 0, 40)); // max_share 0.1 of 400 rows per round
        Assert.Equal(result.Rounds.Sum(r => r.Added), result.PseudoLabelledRows);
        Assert.Equal(labelled.RowCount + result.PseudoLabelledRows, result.FinalData.Train.RowCount);
        Assert.Same(validation, result.FinalData.Validation); // validation rows are scored, never labelled or learned from
        Assert.Contains(logged, line => line.StartsWith("self-training round 1: fitted on 10 rows, validation accuracy") && line.Contains("added 40 pseudo-labelled rows"));
    }

    [Fact]
    public void With_nothing_confident_the_model_is_exactly_the_labelled_only_model()
    {
        var (labelled, unlabeled, validation) = LabelledClusters.Make(seed: 3);
        var data = new TrainingData(labelled, validation, "side", TaskKind.Classification);
        var labelledOnly = Knn().Fit(data, new FitContext(1));
        var result = SelfTraining.Fit(Knn(), data, unlabeled, Gradual with { MinConfidence = 1.01 }, new FitContext(1));

        Assert.Single(result.Rounds);
        Assert.Equal(0, result.Rounds[0].Added);
        Assert.Equal(0, result.PseudoLabelledRows);
        Assert.Equal(labelledOnly.Predict(validation).Probabilities, result.Model.Predict(validation).Probabilities);
        Assert.Equal(labelledOnly.Predict(unlabeled).Probabilities, result.Model.Predict(unlabeled).Probabilities);
    }

    [Fact]
    public void The_same_data_and_options_give_the_same_pseudo_labels()
    {
        var (labelled, unlabeled, validation) = LabelledClusters.Make(seed: 5);
        var data = new TrainingData(labelled, validation, "side", TaskKind.Classification);
        var first = SelfTraining.Fit(Knn(), data, unlabeled, Gradual, new FitContext(1));
        var second = SelfTraining.Fit(Knn(), data, unlabeled, Gradual, new FitContext(1));
        Assert.Equal(first.ToJson().ToJsonString(), second.ToJson().ToJsonString());
        Assert.Equal(((CategoricalColumn)first.FinalData.Train["side"]).Codes.ToArray(), ((CategoricalColumn)second.FinalData.Train["side"]).Codes.ToArray());
    }

    [Fact]
    public void A_regression_target_and_bad_options_are_refused_by_name()
    {
        var table = new Table([new NumericColumn("x", [1, 2, 3]), new NumericColumn("y", [1, 2, 3])]).WithRole("y", ColumnRole.Target);
        var regression = new TrainingData(table, null, "y", TaskKind.Regression);
        var e = Assert.Throws<LatheException>(() => SelfTraining.Fit(Knn(), regression, table, new SelfTrainingOptions(), new FitContext()));
        Assert.Contains("classification", e.Message);
        Assert.Contains("max_share", Assert.Throws<LatheException>(() => new SelfTrainingOptions { MaxShare = 0 }.Validate()).Message);
        Assert.Contains("rounds", Assert.Throws<LatheException>(() => new SelfTrainingOptions { Rounds = 0 }.Validate()).Message);
    }

    [Fact]
    public void Appending_rows_merges_categories_and_keeps_roles()
    {
        var top = new Table([CategoricalColumn.FromStrings("c", ["a", "b"]), new NumericColumn("t", [1, 2])]).WithRole("t", ColumnRole.Target);
        var bottom = new Table([new NumericColumn("t", [3]), CategoricalColumn.FromStrings("c", ["z"])]);
        var both = TableRows.Append(top, bottom);
        Assert.Equal(["a", "b", "z"], Enumerable.Range(0, 3).Select(both["c"].Format));
        Assert.Equal(ColumnRole.Target, both.RoleOf("t"));
        Assert.Equal(["c", "t"], both.ColumnNames);
        var e = Assert.Throws<LatheException>(() => TableRows.Append(top, new Table([new NumericColumn("c", [1]), new NumericColumn("t", [1])])));
        Assert.Contains("column 'c'", e.Message);
    }
}
