using Lathe.Data;
using Lathe.Models;
using Lathe.Torch.Models;
using Lathe.Torch.Training;
using Lathe.Training;

namespace Lathe.Torch.Tests;

public class GptTests
{
    private static Table Lines(int count, int offset = 0) => new([new TextColumn("text",
        [.. Enumerable.Range(offset, count).Select(i => $"the {(i % 2 == 0 ? "cat" : "dog")} sat on mat {i % 3}.")])]);

    private static GptOptions Options() => new()
    {
        Context = 24, Layers = 2, Heads = 2, Dim = 32, Dropout = 0,
        Training = new TrainerOptions { Epochs = 30, BatchSize = 16, Device = "cpu", Optimizer = new OptimizerOptions { Type = "adamw", LearningRate = 3e-3 } },
    };

    [Fact]
    public void A_gpt_learns_a_regular_text_generates_it_and_round_trips_through_a_model_folder()
    {
        var history = new History();
        var data = new TrainingData(Lines(300), Lines(60, 300), "text", TaskKind.Generation);
        var model = (PipelineModel)new Pipeline(new GptEstimator(Options())).Fit(data, new FitContext(1, [history]));
        var gpt = (GptModel)model.Model;

        var first = history.Steps[0].Metrics["val_perplexity"];
        var last = history.Steps[^1].Metrics["val_perplexity"];
        Assert.True(last < 2.0 && last < first / 3, $"validation perplexity went from {first} to {last}");
        Assert.True(gpt.Perplexity(GptEstimator.TextOf(Lines(30, 500), "text")) < 2.0);

        var sample = gpt.Generate("the ", 40, temperature: 0.5, seed: 3);
        Assert.Matches(@"^(cat|dog) sat on mat \d\.", sample);
        Assert.Equal(sample, gpt.Generate("the ", 40, temperature: 0.5, seed: 3));

        var dir = Path.Combine(Path.GetTempPath(), "lathe-gpt-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            ModelFolder.Save(model, dir);
            var loaded = (GptModel)ModelFolder.Load(dir, new ModelCatalog().Register("gpt", GptModel.Load)).Model;
            Assert.Equal(sample, loaded.Generate("the ", 40, temperature: 0.5, seed: 3));
            var e = Assert.Throws<LatheException>(() => loaded.Predict(Lines(1)));
            Assert.Contains("lathe generate", e.Message);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Text_shorter_than_the_context_is_a_clear_error()
    {
        var data = new TrainingData(new Table([new TextColumn("text", ["short"])]), null, "text", TaskKind.Generation);
        var e = Assert.Throws<LatheException>(() => new GptEstimator(Options()).Fit(data, new FitContext()));
        Assert.Contains("fewer than model.context + 1", e.Message);
    }
}
