using Lathe.Data;
using Lathe.Experiments.Config;
using Lathe.Experiments.Runs;
using Lathe.Synthetic;

namespace Lathe.Experiments.Data;

/// <summary>A generated dataset as data.generate (or `lathe synthesize --generate`) describes it.</summary>
public static class GeneratedDataset
{
    /// <param name="prefix">How settings are named in messages: "data.generate." for the config, "--" for the command line.</param>
    public static Table Create(GenerateConfig settings, int seed, string prefix = "data.generate.")
    {
        var (kind, rows, features, classes, noise, weights) = (settings.Kind, settings.Rows, settings.Features, settings.Classes, settings.Noise, settings.Weights);
        void Refuse(string name, object? value)
        {
            if (value is not null) throw LatheException.BadConfig($"{prefix}{name} does not apply to {kind}.");
        }
        if (kind != "classification") Refuse("weights", weights);
        if (weights is not null && classes is not null && classes != weights.Count)
            throw LatheException.BadConfig($"{prefix}weights gives {weights.Count} shares but {prefix}classes is {classes}; give one share per class.");
        try
        {
            switch (kind)
            {
                case "moons":
                    Refuse("features", features);
                    Refuse("classes", classes);
                    return Generators.Moons(new MoonsOptions { Rows = rows, Noise = noise ?? 0.1 }, seed);
                case "blobs":
                    return Generators.Blobs(new BlobsOptions { Rows = rows, Features = features ?? 2, Centers = classes ?? 3, Spread = noise ?? 1.0 }, seed);
                case "classification":
                    var defaults = new ClassificationOptions { Rows = rows, Classes = classes ?? weights?.Count ?? 2 };
                    return Generators.Classification(defaults with
                    {
                        Features = features ?? Math.Max(defaults.Features, defaults.InformativeCount + 2),
                        LabelNoise = noise ?? defaults.LabelNoise,
                        Weights = weights,
                    }, seed);
                case "regression":
                    Refuse("classes", classes);
                    return Generators.Regression(new RegressionOptions { Rows = rows, Features = features ?? 10, Noise = noise ?? 0 }, seed);
                default:
                    throw LatheException.BadConfig($"{prefix}{(prefix == "--" ? "generate" : "kind")}: '{kind}' is not one of {string.Join(", ", SynthesisRun.GeneratorKinds)}.");
            }
        }
        catch (LatheException e) when (prefix != "--" && !e.Message.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw LatheException.BadConfig($"{prefix.TrimEnd('.')}: {e.Message}"); // the generator's message names the setting without its section
        }
    }
}
