using System.Globalization;
using Lathe.Data;
using Lathe.Models;

namespace Lathe.Experiments.Runs;

/// <summary>What `lathe label` did: how many rows got a label, fell below the threshold, or already had one.</summary>
public sealed record LabelingSummary(
    string Target, int Rows, int Labelled, int BelowThreshold, int AlreadyLabelled, int Written, bool ConfidentOnly,
    IReadOnlyDictionary<string, int> LabelledPerClass);

/// <summary>
/// `lathe label`: a trained classifier pseudo-labels rows. The output is the input with the model's target
/// column filled in (a row that already has a value keeps it) and a confidence column (the predicted class's
/// probability). Rows below the threshold get an empty label, or are left out when only confident rows are asked for.
/// </summary>
public static class LabelingRun
{
    public const string ConfidenceColumn = "confidence";

    public static LabelingSummary Execute(string runOrModel, string inputPath, string outputPath, double minConfidence, bool confidentOnly)
    {
        if (minConfidence is < 0 or > 1 || double.IsNaN(minConfidence))
            throw LatheException.BadConfig($"--min-confidence must be between 0 and 1, not {minConfidence.ToString(CultureInfo.InvariantCulture)}.");
        var model = ModelFolder.Load(RunFolder.ModelDirectoryOf(runOrModel), ModelFactory.Catalog);
        if (model.Task != TaskKind.Classification)
            throw LatheException.BadConfig(
                $"{runOrModel}: lathe label needs a classifier, but this is a {model.Task.ToString().ToLowerInvariant()} model.");
        var input = CsvReader.Read(inputPath);
        if (input.Contains(ConfidenceColumn))
            throw LatheException.BadData($"{inputPath}: already has a column named '{ConfidenceColumn}', which lathe label writes; rename it.");

        var prediction = model.Predict(input);
        var given = input.Contains(model.Target) ? input[model.Target] : null;
        var labels = new string?[input.RowCount];
        var confidence = new float[input.RowCount];
        var keep = new List<int>();
        int labelled = 0, below = 0, already = 0;
        var classes = prediction.Classes!;
        var perClass = classes.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
        for (var r = 0; r < input.RowCount; r++)
        {
            if (given is not null && !given.IsMissing(r))
            {
                labels[r] = given.Format(r);
                confidence[r] = float.NaN;
                already++;
                keep.Add(r);
                continue;
            }
            var best = prediction.ClassIndices![r];
            confidence[r] = prediction.Probability(r, best);
            if (confidence[r] >= minConfidence)
            {
                labels[r] = classes[best];
                perClass[labels[r]!]++;
                labelled++;
                keep.Add(r);
            }
            else
            {
                below++;
                if (!confidentOnly) keep.Add(r);
            }
        }

        var output = input.With(new TextColumn(model.Target, labels)).With(new NumericColumn(ConfidenceColumn, confidence));
        if (confidentOnly) output = output.Take(keep);
        TableCsvWriter.Write(output, outputPath);
        return new LabelingSummary(model.Target, input.RowCount, labelled, below, already, output.RowCount, confidentOnly, perClass);
    }
}
