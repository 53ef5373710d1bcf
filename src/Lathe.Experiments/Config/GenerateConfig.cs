namespace Lathe.Experiments.Config;

/// <summary>
/// data.generate: train on a generated dataset instead of a file (see docs/synthetic.md). The rows follow
/// the run's seed; the target defaults to label (target for regression).
/// </summary>
public sealed class GenerateConfig
{
    /// <summary>moons, blobs, classification or regression.</summary>
    public string Kind { get; set; } = "";

    public int Rows { get; set; } = 1000;

    /// <summary>blobs, classification, regression: feature columns (default 2, 20, 10).</summary>
    public int? Features { get; set; }

    /// <summary>blobs: centres (default 3); classification: classes (default 2).</summary>
    public int? Classes { get; set; }

    /// <summary>moons and regression: noise standard deviation; blobs: spread; classification: share of flipped labels.</summary>
    public double? Noise { get; set; }

    /// <summary>classification: share of rows per class, e.g. [0.95, 0.05].</summary>
    public List<double>? Weights { get; set; }

    internal void Validate(string source, DataConfig data)
    {
        if (!Runs.SynthesisRun.GeneratorKinds.Contains(Kind))
            throw LatheException.BadConfig($"{source}: data.generate.kind '{Kind}' is not one of {string.Join(", ", Runs.SynthesisRun.GeneratorKinds)}.");
        if (Rows < 1) throw LatheException.BadConfig($"{source}: data.generate.rows must be at least 1, not {Rows}.");
        if (data.Path is not null || data.Train is not null)
            throw LatheException.BadConfig($"{source}: data.generate and data.path (or data.train) are alternatives: generate rows, or read them from a file.");
        data.Target ??= Kind == "regression" ? Synthetic.Generators.TargetColumn : Synthetic.Generators.LabelColumn;
    }
}
