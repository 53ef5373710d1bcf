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
        // Column kinds come from the data; the model's input schema converts numbers read as such back to categories.
        var input = CsvReader.Read(inputPath);
        var prediction = model.Predict(input);
        AtomicFile.WriteAllText(outputPath, ToCsv(prediction));
        return prediction.RowCount;
    }

    public static string ToCsv(Prediction prediction)
    {
        var text = new StringBuilder();
        if (prediction.Task == TaskKind.Classification)
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
            text.Append("prediction\n");
            foreach (var v in prediction.Values!) text.Append(v.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
