using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Torch.Models;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using Lathe.Training;

namespace Lathe.Torch.Tests;

public class TextClassifierTests
{
    private static readonly string[] Good = ["good", "great", "lovely", "superb"];
    private static readonly string[] Bad = ["bad", "awful", "dull", "poor"];
    private static readonly string[] Fillers = ["the film", "this book", "our trip", "that meal", "the show"];

    /// <summary>Short reviews whose label is the sentiment word somewhere in them.</summary>
    internal static Table Reviews(int rows, int seed)
    {
        var random = new Random(seed);
        var texts = new string?[rows];
        var labels = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            var positive = random.Next(2) == 0;
            var word = positive ? Good[random.Next(Good.Length)] : Bad[random.Next(Bad.Length)];
            texts[i] = random.Next(2) == 0 ? $"{Fillers[random.Next(Fillers.Length)]} was {word}" : $"{word}, {Fillers[random.Next(Fillers.Length)]}";
            labels[i] = positive ? "positive" : "negative";
        }
        return new Table([new TextColumn("review", texts), CategoricalColumn.FromStrings("label", labels, ["negative", "positive"])]);
    }

    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    [InlineData("cnn1d")]
    [InlineData("transformer")]
    public void Each_text_encoder_learns_the_sentiment_and_round_trips(string encoder)
    {
        var training = new TrainerOptions { Epochs = 25, BatchSize = 16, Device = "cpu", Optimizer = new OptimizerOptions { Type = "adam", LearningRate = 0.005 } };
        var estimator = new TextClassifierEstimator(new TextEncoderSpec(encoder, Dim: 16, Hidden: 32, Heads: 2, Dropout: 0), training, new LossOptions(), TaskKind.Classification);
        var model = (PipelineModel)new Pipeline(estimator).Fit(new TrainingData(Reviews(300, 1), null, "label", TaskKind.Classification), new FitContext(1));
        var test = Reviews(100, 2);
        var prediction = model.Predict(test);
        var accuracy = Scoring.Score(prediction, test["label"])["accuracy"];
        Assert.True(accuracy > 0.9, $"{encoder}: accuracy {accuracy}");

        var dir = Path.Combine(Path.GetTempPath(), "lathe-text-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            ModelFolder.Save(model, dir);
            var loaded = ModelFolder.Load(dir, new ModelCatalog().Register(encoder, TextClassifierModel.Load));
            Assert.Equal(prediction.Probabilities, loaded.Predict(test).Probabilities);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_text_model_without_a_text_column_says_what_it_needs()
    {
        var estimator = new TextClassifierEstimator(new TextEncoderSpec("lstm"), new TrainerOptions { Epochs = 1 }, new LossOptions(), TaskKind.Classification);
        var e = Assert.Throws<LatheException>(() => estimator.Fit(SyntheticData.Classification(SyntheticData.Blobs(30, 1), null), new FitContext()));
        Assert.Contains("reads exactly one text column", e.Message);
    }
}
