using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Prep;
using Lathe.Training;

namespace Lathe.Tests.Models;

public class PipelineTests
{
    private static readonly ModelCatalog Catalog = new ModelCatalog().Register("nearest_centroid", NearestCentroid.Model.Load);

    /// <summary>Two well separated groups with a categorical feature, a gap and an ignored id column.</summary>
    private static Table Data(int rows, int seed)
    {
        var random = new Random(seed);
        var size = new float[rows];
        var shape = new string?[rows];
        var label = new string?[rows];
        var id = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var big = i % 2 == 0;
            size[i] = i == 3 ? float.NaN : (big ? 10 : 0) + (float)random.NextDouble();
            shape[i] = big ? "round" : "square";
            label[i] = big ? "big" : "small";
            id[i] = i * 1000;
        }
        return new Table([new NumericColumn("id", id), new NumericColumn("size", size), CategoricalColumn.FromStrings("shape", shape), CategoricalColumn.FromStrings("label", label)])
            .WithRole("id", ColumnRole.Ignore);
    }

    private static TrainingData Training(Table table) =>
        new(table.With(TargetEncoding.Encode(table["label"], TaskKind.Classification, "test")), null, "label", TaskKind.Classification);

    private static Pipeline NewPipeline() => new([new Imputer(), new OneHotEncoder(), new StandardScaler()], new NearestCentroid());

    [Fact]
    public void A_pipeline_learns_with_its_preparation_and_predicts_class_names()
    {
        var model = NewPipeline().Fit(Training(Data(40, 1)), new FitContext());
        var test = Data(20, 2);
        var prediction = model.Predict(test);
        Assert.Equal("big", prediction.Label(0));
        var scores = Scoring.Score(prediction, TargetEncoding.Encode(test["label"], TaskKind.Classification, "test"));
        Assert.Equal(1.0, scores["accuracy"]);
    }

    [Fact]
    public void Ignored_columns_are_not_inputs_and_need_not_be_present_later()
    {
        var model = (PipelineModel)NewPipeline().Fit(Training(Data(40, 1)), new FitContext());
        Assert.DoesNotContain(model.Schema.Columns, c => c.Name == "id");
        var prediction = model.Predict(Data(10, 3).Without("id", "label"));
        Assert.Equal(10, prediction.RowCount);
    }

    [Fact]
    public void Save_then_load_gives_identical_predictions()
    {
        using var dir = new TempDirectory();
        var model = (PipelineModel)NewPipeline().Fit(Training(Data(40, 1)), new FitContext());
        ModelFolder.Save(model, dir.Path);
        var loaded = ModelFolder.Load(dir.Path, Catalog);
        var test = Data(30, 5);
        Assert.Equal(model.Predict(test).Probabilities, loaded.Predict(test).Probabilities);
        Assert.Contains("\"format\": \"lathe-model\"", File.ReadAllText(Path.Combine(dir.Path, ModelFolder.FileName)));
    }

    [Fact]
    public void Predicting_without_a_trained_column_names_it()
    {
        var model = NewPipeline().Fit(Training(Data(40, 1)), new FitContext());
        var e = Assert.Throws<LatheException>(() => model.Predict(Data(5, 1).Without("shape")));
        Assert.Equal(ErrorKind.Data, e.Kind);
        Assert.Contains("column 'shape' is missing", e.Message);
    }

    [Fact]
    public void Without_an_imputer_a_gap_is_a_clear_error_with_its_row()
    {
        var pipeline = new Pipeline([new OneHotEncoder()], new NearestCentroid());
        var e = Assert.Throws<LatheException>(() => pipeline.Fit(Training(Data(40, 1)), new FitContext()));
        Assert.Contains("column 'size' has a missing value in row 4", e.Message);
    }

    [Fact]
    public void Loading_a_model_type_that_is_not_registered_is_refused_by_name()
    {
        using var dir = new TempDirectory();
        ModelFolder.Save((PipelineModel)NewPipeline().Fit(Training(Data(20, 1)), new FitContext()), dir.Path);
        var e = Assert.Throws<LatheException>(() => ModelFolder.Load(dir.Path, new ModelCatalog()));
        Assert.Contains("'nearest_centroid' is not known", e.Message);
    }

    [Fact]
    public void Task_inference_and_target_encoding()
    {
        Assert.Equal(TaskKind.Classification, TargetEncoding.InferTask(new NumericColumn("y", [0, 1, 2, 1])));
        Assert.Equal(TaskKind.Regression, TargetEncoding.InferTask(new NumericColumn("y", [0.5f, 1, 2])));
        var encoded = (CategoricalColumn)TargetEncoding.Encode(new NumericColumn("y", [10, 2, 10]), TaskKind.Classification, "t");
        Assert.Equal(["2", "10"], encoded.Categories); // numeric order, not text order
        var e = Assert.Throws<LatheException>(() => TargetEncoding.Encode(CategoricalColumn.FromStrings("y", ["a", "a"]), TaskKind.Classification, "t"));
        Assert.Contains("single class", e.Message);
    }
}
