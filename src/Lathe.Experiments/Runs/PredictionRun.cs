using System.Globalization;
using System.Text;
using Lathe.Data;
using Lathe.Experiments.Data;
using Lathe.IO;
using Lathe.Models;

namespace Lathe.Experiments.Runs;

/// <summary>`lathe predict`: applies a saved model to a file and writes one prediction per input row.</summary>
public static class PredictionRun
{
    /// <summary>Writes a CSV with "prediction" (the original class name or the value) and, for classifiers, "p_&lt;class&gt;" per class. Returns the row count.</summary>
    public static int Execute(string runOrModel, string inputPath, string outputPath)
    {
        var model = ModelFolder.Load(RunFolder.ModelDirectoryOf(runOrModel), ModelFactory.Catalog);
        var input = ModelInputReader.Read(inputPath, model);
        var prediction = model.Predict(input);
        // A folder of images gets its files named in a first column; other inputs keep their row order.
        var files = Directory.Exists(inputPath) && input.Contains(ModelInputReader.FileColumn) ? (TextColumn)input[ModelInputReader.FileColumn] : null;
        AtomicFile.WriteAllText(outputPath, ToCsv(prediction, files));
        return prediction.RowCount;
    }

    /// <param name="rowNames">When given, a first column "file" names each row (the images of a folder).</param>
    public static string ToCsv(Prediction prediction, TextColumn? rowNames = null)
    {
        var text = new StringBuilder();
        var row = -1; // -1: the header
        foreach (var line in Lines(prediction))
        {
            if (rowNames is not null) text.Append(row < 0 ? "file" : Quote(rowNames.Format(row))).Append(',');
            text.Append(line).Append('\n');
            row++;
        }
        return text.ToString();
    }

    /// <summary>The header, then one line per row.</summary>
    private static IEnumerable<string> Lines(Prediction prediction)
    {
        var line = new StringBuilder();
        if (prediction.Task == TaskKind.Clustering)
        {
            // The cluster of each row (−1: noise), and a mixture's membership probability per component.
            var soft = prediction.Probabilities is not null;
            yield return string.Join(',', ["cluster", .. soft ? prediction.Classes!.Select(c => "p_" + c) : []]);
            for (var r = 0; r < prediction.RowCount; r++)
            {
                line.Clear().Append(prediction.Clusters![r].ToString(CultureInfo.InvariantCulture));
                if (soft)
                    for (var k = 0; k < prediction.Classes!.Count; k++)
                        line.Append(',').Append(prediction.Probability(r, k).ToString("0.######", CultureInfo.InvariantCulture));
                yield return line.ToString();
            }
        }
        else if (prediction.Task == TaskKind.Classification)
        {
            var classes = prediction.Classes!;
            yield return string.Join(',', ["prediction", .. classes.Select(c => Quote("p_" + c))]);
            for (var r = 0; r < prediction.RowCount; r++)
            {
                line.Clear().Append(Quote(prediction.Label(r)));
                for (var k = 0; k < classes.Count; k++)
                    line.Append(',').Append(prediction.Probability(r, k).ToString("0.######", CultureInfo.InvariantCulture));
                yield return line.ToString();
            }
        }
        else
        {
            yield return prediction.Task == TaskKind.Reconstruction ? "reconstruction_error" : "prediction";
            foreach (var v in prediction.Values!) yield return v.ToString("R", CultureInfo.InvariantCulture);
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
