using Lathe.Data;
using Lathe.Synthetic;

namespace Lathe.Experiments.Runs;

/// <summary>
/// `lathe synthesize`: learns a CSV file's columns with a Gaussian copula and writes new rows with a fidelity
/// report; or writes a generated demo dataset (moons, blobs, classification, regression).
/// </summary>
public static class SynthesisRun
{
    public static readonly string[] GeneratorKinds = ["moons", "blobs", "classification", "regression"];

    /// <param name="rows">Rows to write; null: as many as the data has.</param>
    /// <param name="drop">Columns to leave out (free text, ids).</param>
    public static FidelityReport Synthesize(string dataPath, int? rows, string outputPath, int seed, string? target,
        IReadOnlyList<string> drop, Action<string> log)
    {
        var real = CsvReader.Read(dataPath);
        foreach (var name in drop)
            if (!real.Contains(name))
                throw LatheException.BadConfig($"--drop: no column '{name}' in {dataPath}. Columns are: {string.Join(", ", real.ColumnNames)}.");
        real = real.Without([.. drop]);
        if (target is not null && !real.Contains(target))
            throw LatheException.BadConfig($"--target: no column '{target}' in {dataPath}. Columns are: {string.Join(", ", real.ColumnNames)}.");
        if (real.Columns.FirstOrDefault(c => c is not (NumericColumn or CategoricalColumn)) is { } text)
            throw LatheException.BadData($"{dataPath}: column '{text.Name}' is free text; the synthesizer models numeric and categorical columns. " +
                                         $"Leave it out with --drop {text.Name}.");
        var kinds = real.Columns.GroupBy(c => c.Kind.ToString().ToLowerInvariant()).Select(g => $"{g.Count()} {g.Key}");
        log($"data: {dataPath}, {real.RowCount} rows, {real.Columns.Count} columns ({string.Join(", ", kinds)})");

        var model = new GaussianCopulaSynthesizer(new GaussianCopulaOptions { Target = target }).Fit(real, seed);
        log(target is null ? "model: gaussian copula" : $"model: gaussian copula per class of '{target}'");
        var synthetic = model.Sample(rows ?? real.RowCount, seed);
        log($"sampled: {synthetic.RowCount} rows (seed {seed})");
        var report = Fidelity.Compare(real, synthetic);
        TableCsvWriter.Write(synthetic, outputPath);
        return report;
    }

    /// <summary>Writes a generated dataset; returns the table written.</summary>
    /// <param name="weights">classification only: the share of rows of each class.</param>
    public static Table Generate(string kind, int rows, string outputPath, int seed, int? features, int? classes, double? noise,
        IReadOnlyList<double>? weights = null)
    {
        if (weights is not null && kind != "classification") throw LatheException.BadConfig($"--weights applies to classification, not {kind}.");
        if (weights is not null && classes is not null && classes != weights.Count)
            throw LatheException.BadConfig($"--weights gives {weights.Count} shares but --classes is {classes}; give one share per class.");
        classes ??= weights?.Count;
        var table = kind switch
        {
            "moons" => Generators.Moons(new MoonsOptions { Rows = rows, Noise = noise ?? 0.1 }.Refuse(features, classes, "moons"), seed),
            "blobs" => Generators.Blobs(new BlobsOptions { Rows = rows, Features = features ?? 2, Centers = classes ?? 3, Spread = noise ?? 1.0 }, seed),
            "classification" => Generators.Classification(Classification(rows, features, classes, noise) with { Weights = weights }, seed),
            "regression" => Generators.Regression(new RegressionOptions
            {
                Rows = rows, Features = features ?? 10, Noise = noise ?? 0,
            }.Refuse(null, classes, "regression"), seed),
            _ => throw LatheException.BadConfig($"--generate: '{kind}' is not one of {string.Join(", ", GeneratorKinds)}."),
        };
        TableCsvWriter.Write(table, outputPath);
        return table;
    }

    private static ClassificationOptions Classification(int rows, int? features, int? classes, double? noise)
    {
        var defaults = new ClassificationOptions { Rows = rows, Classes = classes ?? 2 };
        return defaults with
        {
            Features = features ?? Math.Max(defaults.Features, defaults.InformativeCount + 2),
            LabelNoise = noise ?? defaults.LabelNoise,
        };
    }

    private static T Refuse<T>(this T options, int? features, int? classes, string kind)
    {
        if (features is not null) throw LatheException.BadConfig($"--features does not apply to {kind}.");
        if (classes is not null) throw LatheException.BadConfig($"--classes does not apply to {kind}.");
        return options;
    }
}
