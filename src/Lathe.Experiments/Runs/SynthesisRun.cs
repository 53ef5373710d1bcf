using Lathe.Data;
using Lathe.Experiments.Config;
using Lathe.Experiments.Data;
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
    public static Table Generate(GenerateConfig settings, string outputPath, int seed)
    {
        var table = GeneratedDataset.Create(settings, seed, "--");
        TableCsvWriter.Write(table, outputPath);
        return table;
    }
}
