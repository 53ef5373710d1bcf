using System.Buffers.Binary;
using System.IO.Compression;
using Lathe.Data;

namespace Lathe.Tests.Data;

public class IdxReaderTests
{
    internal static byte[] Idx(int[] shape, byte[] values)
    {
        var bytes = new byte[4 + 4 * shape.Length + values.Length];
        bytes[2] = 0x08;
        bytes[3] = (byte)shape.Length;
        for (var d = 0; d < shape.Length; d++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), shape[d]);
        values.CopyTo(bytes, 4 + 4 * shape.Length);
        return bytes;
    }

    internal static void WriteGzip(string path, byte[] bytes)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(bytes);
    }

    [Fact]
    public void Reads_images_as_vectors_and_labels_as_numbers()
    {
        using var dir = new TempDirectory();
        var images = Path.Combine(dir.Path, "img-idx3-ubyte.gz");
        var labels = Path.Combine(dir.Path, "lbl-idx1-ubyte");
        WriteGzip(images, Idx([2, 2, 3], [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]));
        File.WriteAllBytes(labels, Idx([2], [7, 3]));

        var table = IdxReader.ReadImagesAndLabels(images, labels);
        var image = Assert.IsType<VectorColumn>(table["image"]);
        Assert.Equal([1, 2, 3], image.Shape);
        Assert.Equal(new float[] { 250, 251, 252, 253, 254, 255 }, image.Row(1).ToArray());
        Assert.Equal(3f, ((NumericColumn)table["label"])[1]);
    }

    [Fact]
    public void A_truncated_file_says_how_much_is_missing()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "short-idx3-ubyte");
        File.WriteAllBytes(path, Idx([3, 2, 2], [1, 2, 3, 4, 5]));
        var e = Assert.Throws<LatheException>(() => IdxReader.Read(path, "image"));
        Assert.Contains("promises 12 values", e.Message);
        Assert.Contains("holds 5", e.Message);
    }

    [Fact]
    public void A_truncated_gzip_stream_is_a_clear_error()
    {
        using var dir = new TempDirectory();
        var full = Path.Combine(dir.Path, "full.gz");
        WriteGzip(full, Idx([100], new byte[100]));
        var bytes = File.ReadAllBytes(full);
        var cut = Path.Combine(dir.Path, "cut-idx1-ubyte.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<LatheException>(() => IdxReader.Read(cut, "label"));
        Assert.Equal(ErrorKind.Data, e.Kind);
        Assert.Contains(cut, e.Message);
    }

    [Fact]
    public void Mismatched_image_and_label_counts_are_refused()
    {
        using var dir = new TempDirectory();
        var images = Path.Combine(dir.Path, "i");
        var labels = Path.Combine(dir.Path, "l");
        File.WriteAllBytes(images, Idx([2, 1, 1], [1, 2]));
        File.WriteAllBytes(labels, Idx([3], [1, 2, 3]));
        var e = Assert.Throws<LatheException>(() => IdxReader.ReadImagesAndLabels(images, labels));
        Assert.Contains("holds 2 items", e.Message);
    }

    [Fact]
    public void Reads_the_real_fashion_mnist_test_set()
    {
        const string folder = "/usr/share/datasets/fashion-mnist";
        Assert.True(Directory.Exists(folder), "Install the Debian package dataset-fashion-mnist (.ci/run does).");
        var table = IdxReader.ReadImagesAndLabels($"{folder}/t10k-images-idx3-ubyte.gz", $"{folder}/t10k-labels-idx1-ubyte.gz");
        Assert.Equal(10_000, table.RowCount);
        Assert.Equal(784, ((VectorColumn)table["image"]).Width);
        var labels = ((NumericColumn)table["label"]).Values.ToArray();
        Assert.All(Enumerable.Range(0, 10), k => Assert.Equal(1000, labels.Count(l => l == k)));
    }
}
