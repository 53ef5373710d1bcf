using System.Buffers.Binary;
using Lathe.IO;

namespace Lathe.Data;

/// <summary>
/// Reads IDX files (the MNIST / Fashion-MNIST format), plain or gzip-compressed: an image file becomes a
/// vector column of shape [1, rows, cols] with pixel values 0–255, a label file a numeric column.
/// </summary>
public static class IdxReader
{
    /// <summary>Reads an image file and its label file into a table with columns "image" and "label".</summary>
    public static Table ReadImagesAndLabels(string imagesPath, string labelsPath)
    {
        var images = Read(imagesPath, "image");
        var labels = Read(labelsPath, "label");
        if (images.Length != labels.Length)
            throw LatheException.BadData(
                $"{imagesPath} holds {images.Length} items but {labelsPath} holds {labels.Length}; they must be a matching pair.");
        return new Table([images, labels], source: imagesPath);
    }

    /// <summary>Reads one IDX file of unsigned bytes: 1 dimension gives a numeric column, more give a vector column.</summary>
    public static Column Read(string path, string columnName)
    {
        if (!File.Exists(path))
            throw LatheException.BadData($"{path}: file not found. Check the path; Fashion-MNIST comes with the Debian package dataset-fashion-mnist.");
        byte[] bytes;
        try
        {
            using var stream = GzipReadStream.OpenMaybeCompressed(path);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            bytes = memory.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw LatheException.BadData($"{path}: {e.Message}. Download or copy the file again.");
        }

        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0)
            throw LatheException.BadData($"{path}: not an IDX file (it must start with two zero bytes, a type byte and a dimension count).");
        if (bytes[2] != 0x08)
            throw LatheException.BadData($"{path}: IDX element type 0x{bytes[2]:x2} is not supported; only unsigned bytes (0x08) are.");
        int dims = bytes[3];
        var headerLength = 4 + 4 * dims;
        if (dims == 0 || bytes.Length < headerLength)
            throw LatheException.BadData($"{path}: the IDX header is truncated (expected {dims} dimension sizes).");
        var shape = new int[dims];
        long count = 1;
        for (var d = 0; d < dims; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (shape[d] <= 0) throw LatheException.BadData($"{path}: IDX dimension {d + 1} has size {shape[d]}.");
            count *= shape[d];
        }
        if (bytes.Length - headerLength != count)
            throw LatheException.BadData(
                $"{path}: the header promises {count} values ({string.Join("×", shape)}) but the file holds {bytes.Length - headerLength}. " +
                "The file is truncated or damaged; copy it again.");

        var values = new float[count];
        var data = bytes.AsSpan(headerLength);
        for (var i = 0; i < values.Length; i++) values[i] = data[i];
        return dims == 1
            ? new NumericColumn(columnName, values)
            : new VectorColumn(columnName, values, dims == 3 ? [1, shape[1], shape[2]] : shape[1..]);
    }
}
