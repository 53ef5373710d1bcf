using Lathe.Models;
using Lathe.Torch.Models;

namespace Lathe.Experiments.Runs;

/// <summary>`lathe generate`: continues a prompt with a trained language model.</summary>
public static class GenerationRun
{
    public static string Execute(string runOrModel, string prompt, int tokens, double temperature, int? topK, int seed)
    {
        var model = ModelFolder.Load(RunFolder.ModelDirectoryOf(runOrModel), ModelFactory.Catalog);
        var gpt = model.Model as GptModel
            ?? throw LatheException.BadConfig($"{runOrModel}: this is a {model.Model.Type} model for {model.Task.ToString().ToLowerInvariant()}; generate needs a model.type gpt run. Use lathe predict.");
        return gpt.Generate(prompt, tokens, temperature, topK, seed);
    }
}
