using Lathe.Data;
using Lathe.Images;
using Lathe.Models;

namespace Lathe.Experiments.Data;

/// <summary>
/// Reads the rows `lathe predict` and `lathe evaluate` apply a saved model to, in any format training reads:
/// a folder of images is decoded at the size and channels the model was trained on (and gets a <c>file</c>
/// column naming each image); a lone IDX image file becomes the model's image column; other files go by
/// their extension (CSV when it says nothing), their column kinds reconciled by the model's input schema.
/// </summary>
public static class ModelInputReader
{
    /// <summary>Name of the column of image paths a folder of images gets.</summary>
    public const string FileColumn = "file";

    public static Table Read(string path, PipelineModel model)
    {
        var format = TableFileReader.FormatOf(path) ?? "csv";
        if (format is "images" or "idx")
        {
            var image = model.Schema.Columns.SingleOrDefault(c => c.Kind == ColumnKind.Vector && c.Shape is { Length: 3 })
                ?? throw LatheException.BadConfig(
                    $"{path}: {(format == "idx" ? "an IDX image file" : "a folder of images")}, but this model was not trained on images (it takes {model.Schema}).");
            if (format == "idx") return new Table([IdxReader.Read(path, image.Name)], source: path);
            return ImageFolderReader.Read(path, new ImageFolderOptions
            {
                Channels = image.Shape![0],
                Size = new ImageSize(image.Shape[1], image.Shape[2]),
                ImageColumn = image.Name,
                FileColumn = FileColumn,
            });
        }
        if (format == "text") return CsvReader.Read(path);
        return TableFileReader.Read(path, format, new Dictionary<string, ColumnKind>());
    }
}
