using Lathe.Data;
using Lathe.Torch.Training;

namespace Lathe.Bench;

/// <summary>The 60,000 Fashion-MNIST training images (or the first <c>rows</c> of them), read with Lathe's <see cref="IdxReader"/>.</summary>
public static class FashionMnist
{
    public const int Width = 28 * 28;

    public const int Classes = 10;

    /// <summary>Pixels scaled to [0, 1] as a [rows, 784] float32 tensor; labels as int64 class indices. Null rows: all 60,000.</summary>
    public static TensorData LoadTrain(string directory, int? rows = null)
    {
        var images = (VectorColumn)IdxReader.Read(Path.Combine(directory, "train-images-idx3-ubyte.gz"), "image");
        var labels = (NumericColumn)IdxReader.Read(Path.Combine(directory, "train-labels-idx1-ubyte.gz"), "label");
        if (images.Width != Width || images.Length != labels.Length)
            throw new InvalidDataException($"{directory}: expected matching 28×28 images and labels, got width {images.Width}, " +
                $"{images.Length} images and {labels.Length} labels.");

        var count = Math.Min(rows ?? images.Length, images.Length);
        var pixels = images.Data[..(count * Width)].ToArray();
        for (var i = 0; i < pixels.Length; i++) pixels[i] /= 255f;
        var classes = new long[count];
        for (var i = 0; i < classes.Length; i++) classes[i] = (long)labels[i];
        return TensorData.From(pixels, Width, classes);
    }
}
