using System.Globalization;
using System.Text;
using Lathe.Data;
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
        var input = ReadInput(inputPath, model);
        var prediction = model.Predict(input);
        AtomicFile.WriteAllText(outputPath, ToCsv(prediction));
        return prediction.RowCount;
    }

    /// <summary>
    /// An IDX image file (name with "-ubyte") becomes the single image column the model was trained on;
    /// anything else is read as CSV/TSV, whose column kinds the model's input schema reconciles.
    /// </summary>
    private static Table ReadInput(string path, PipelineModel model)
    {
        if (!Path.GetFileName(path).Contains("-ubyte", StringComparison.OrdinalIgnoreCase)) return CsvReader.Read(path);
        var image = model.Schema.Columns.SingleOrDefault(c => c.Kind == ColumnKind.Vector)
            ?? throw LatheException.BadConfig($"{path}: an IDX image file, but this model was not trained on images (it takes {model.Schema}).");
        return new Table([IdxReader.Read(path, image.Name)], source: path);
    }

    public static string ToCsv(Prediction prediction)
    {
        var text = new StringBuilder();
        if (prediction.Task == TaskKind.Clustering)
        {
            // The cluster of each row (−1: noise), and a mixture's membership probability per component.
            var soft = prediction.Probabilities is not null;
            text.AppendJoin(',', ["cluster", .. soft ? prediction.Classes!.Select(c => "p_" + c) : []]).Append('\n');
            for (var r = 0; r < prediction.RowCount; r++)
            {
                text.Append(prediction.Clusters![r].ToString(CultureInfo.InvariantCulture));
                if (soft)
                    for (var k = 0; k < prediction.Classes!.Count; k++)
                        text.Append(',').Append(prediction.Probability(r, k).ToString("0.######", CultureInfo.InvariantCulture));
                text.Append('\n');
            }
        }
        else if (prediction.Task == TaskKind.Classification)
        {
            var classes = prediction.Classes!;
            text.AppendJoin(',', ["prediction", .. classes.Select(c => Quote("p_" + c))]).Append('\n');
            for (var r = 0; r < prediction.RowCount; r++)
            {
                text.Append(Quote(prediction.Label(r)));
                for (var k = 0; k < classes.Count; k++)
                    text.Append(',').Append(prediction.Probability(r, k).ToString("0.######", CultureInfo.InvariantCulture));
                text.Append('\n');
            }
        }
        else
        {
            text.Append(prediction.Task == TaskKind.Reconstruction ? "reconstruction_error\n" : "prediction\n");
            foreach (var v in prediction.Values!) text.Append(v.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
