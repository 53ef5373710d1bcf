using System.Text.Json.Nodes;
using Lathe.Data;
using Lathe.Metrics;
using Lathe.Models;
using Lathe.Torch.Models;
using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using Lathe.Training;

namespace Lathe.Torch.Tests;

public class WordTokenTests
{
    [Fact]
    public void A_gru_over_word_ids_learns_the_sentiment_saves_its_word_vocabulary_and_reads_new_text()
    {
        var training = new TrainerOptions { Epochs = 20, BatchSize = 16, Device = "cpu", Optimizer = new OptimizerOptions { Type = "adam", LearningRate = 0.01 } };
        var spec = new TextEncoderSpec("gru", Dim: 16, Hidden: 16, Dropout: 0, Tokens: TextEncoderSpec.WordTokens);
        var logged = new List<string>();
        var model = (PipelineModel)new Pipeline(new TextClassifierEstimator(spec, training, new LossOptions(), TaskKind.Classification))
            .Fit(new TrainingData(TextClassifierTests.Reviews(300, 1), null, "label", TaskKind.Classification), new FitContext(1, log: logged.Add));
        Assert.Contains("text: 18 distinct words, sequences of up to 4", logged); // 8 sentiment words, 9 filler words, "was"
        var test = TextClassifierTests.Reviews(100, 2);
        var prediction = model.Predict(test);
        Assert.True(Scoring.Score(prediction, test["label"])["accuracy"] > 0.95);

        var dir = Path.Combine(Path.GetTempPath(), "lathe-words-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            ModelFolder.Save(model, dir);
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, ModelFolder.FileName)))!["pipeline"]!["model"]!;
            Assert.Equal("words", (string)json["net"]!["tokens"]!);
            Assert.Contains("superb", json["vocabulary"]!.AsArray().Select(w => (string)w!));
            var loaded = ModelFolder.Load(dir, new ModelCatalog().Register("gru", TextClassifierModel.Load));
            Assert.Equal(prediction.Probabilities, loaded.Predict(test).Probabilities);
            // New combinations of known words; a word never seen in training reads as the unknown id and still predicts.
            var fresh = loaded.Predict(new Table([new TextColumn("review", ["this show was superb", "awful, that film", "zeppelin blimp airship"])]));
            Assert.Equal(["positive", "negative"], [fresh.Label(0), fresh.Label(1)]);
            Assert.Equal(1.0, fresh.Probability(2, 0) + fresh.Probability(2, 1), 5);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void An_unknown_token_kind_is_a_config_error_naming_the_key()
    {
        var e = Assert.Throws<LatheException>(() => new TextEncoderSpec("gru", Tokens: "bytes").Validate());
        Assert.Contains("model.tokens", e.Message);
    }
}
