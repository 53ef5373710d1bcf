using Lathe.Data;

namespace Lathe.Images;

/// <summary>
/// Reads a folder of PNG and JPEG images into a <see cref="Table"/>. With one subfolder per class
/// (folder/cat/1.png, folder/dog/7.jpg) the table has a vector column <c>image</c> shaped
/// [channels, height, width] with values 0–255 (as <see cref="IdxReader"/> gives) and a categorical
/// column <c>label</c> holding the subfolder names; a folder of images without subfolders gives the
/// image column alone (for prediction). Files are read in ordinal name order, so the rows are the same on
/// every machine. Anything that is not an image where an image belongs is an error naming the file.
/// </summary>
public static class ImageFolderReader
{
    public static readonly IReadOnlyList<string> Extensions = [".png", ".jpg", ".jpeg"];

    public static Table Read(string folder, ImageFolderOptions? options = null)
    {
        options ??= new ImageFolderOptions();
        if (options.Channels is not (null or 1 or 3))
            throw LatheException.BadConfig($"image channels must be 1 (grayscale) or 3 (RGB), not {options.Channels}.");
        if (options.Size is { } wanted && (wanted.Height <= 0 || wanted.Width <= 0))
            throw LatheException.BadConfig($"image size must be positive, not {wanted}.");
        if (!Directory.Exists(folder))
            throw LatheException.BadData($"{folder}: folder not found. Check the path (relative paths start at the config file's folder).");

        var (files, labels, classes) = ListImages(folder);
        var first = ImageDecoder.Describe(files[0]);
        var size = options.Size ?? first.Size;
        var channels = options.Channels ?? first.Channels;
        var width = channels * size.Height * size.Width;
        var pixels = new float[(long)files.Count * width > Array.MaxLength
            ? throw LatheException.BadData($"{folder}: {files.Count} images of {channels}×{size} are more than one table can hold; use a smaller image size.")
            : files.Count * width];
        for (var i = 0; i < files.Count; i++)
            ImageDecoder.Decode(files[i], size, channels, resize: options.Size is not null, pixels.AsSpan(i * width, width));

        var image = new VectorColumn(options.ImageColumn, pixels, [channels, size.Height, size.Width]);
        var columns = new List<Column> { image };
        if (labels is not null) columns.Add(new CategoricalColumn(options.LabelColumn, labels, [.. classes]));
        if (options.FileColumn is not null)
            columns.Add(new TextColumn(options.FileColumn, [.. files.Select(f => Path.GetRelativePath(folder, f))]));
        return new Table(columns, source: folder);
    }

    /// <summary>
    /// The image files in order, with their class codes when the folder has class subfolders. A folder holds
    /// either images or class subfolders, never both; hidden files (starting with '.') are not data.
    /// </summary>
    private static (List<string> Files, int[]? Labels, List<string> Classes) ListImages(string folder)
    {
        var subfolders = Directory.GetDirectories(folder).Where(d => !IsHidden(d)).Order(StringComparer.Ordinal).ToList();
        var looseFiles = VisibleFiles(folder);
        if (subfolders.Count == 0)
        {
            if (looseFiles.Count == 0) throw LatheException.BadData($"{folder}: the folder holds no images. Put PNG or JPEG files in one subfolder per class.");
            return (CheckedImages(looseFiles), null, []);
        }
        if (looseFiles.Count > 0)
            throw LatheException.BadData(
                $"{looseFiles[0]}: a file next to the class subfolders of {folder}. Images go inside one subfolder per class; move or remove it.");

        var files = new List<string>();
        var labels = new List<int>();
        var classes = new List<string>();
        foreach (var sub in subfolders)
        {
            var nested = Directory.GetDirectories(sub).Where(d => !IsHidden(d)).Order(StringComparer.Ordinal).FirstOrDefault();
            if (nested is not null)
                throw LatheException.BadData($"{nested}: a folder inside the class folder {Path.GetFileName(sub)}; a class folder holds image files only.");
            var images = CheckedImages(VisibleFiles(sub));
            if (images.Count == 0)
                throw LatheException.BadData($"{sub}: the class folder holds no images. Add PNG or JPEG files or remove the folder.");
            foreach (var file in images)
            {
                files.Add(file);
                labels.Add(classes.Count);
            }
            classes.Add(Path.GetFileName(sub));
        }
        return (files, [.. labels], classes);
    }

    private static List<string> VisibleFiles(string folder) =>
        [.. Directory.GetFiles(folder).Where(f => !IsHidden(f)).Order(StringComparer.Ordinal)];

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');

    private static List<string> CheckedImages(List<string> files)
    {
        foreach (var file in files)
            if (!Extensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
                throw LatheException.BadData(
                    $"{file}: not a PNG or JPEG file (by its extension); an image folder holds {string.Join(", ", Extensions)} files only. Move or convert it.");
        return files;
    }
}
