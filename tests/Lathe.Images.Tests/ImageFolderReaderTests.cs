using Lathe.Data;
using SkiaSharp;

namespace Lathe.Images.Tests;

public sealed class ImageFolderReaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "lathe-images-" + Guid.NewGuid().ToString("N")[..10]);

    public ImageFolderReaderTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    /// <summary>Writes an image whose pixel (x, y) has the colour <paramref name="colour"/> gives.</summary>
    private string Image(string relative, int width, int height, Func<int, int, SKColor> colour,
        SKEncodedImageFormat format = SKEncodedImageFormat.Png, SKColorType type = SKColorType.Rgba8888)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, type, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++) bitmap.SetPixel(x, y, colour(x, y));
        using var data = bitmap.Encode(format, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    [Fact]
    public void Class_subfolders_give_pixels_in_channel_height_width_order_and_labels_sorted_by_name()
    {
        Image("data/dark/b.png", 3, 2, (x, y) => new SKColor((byte)(10 * x), (byte)(100 + y), 7));
        Image("data/dark/a.png", 3, 2, (_, _) => new SKColor(1, 2, 3));
        Image("data/bright/z.png", 3, 2, (_, _) => new SKColor(250, 251, 252));

        var table = ImageFolderReader.Read(Path.Combine(_root, "data"));

        Assert.Equal(["image", "label"], table.ColumnNames);
        var image = Assert.IsType<VectorColumn>(table["image"]);
        Assert.Equal([3, 2, 3], image.Shape);
        var label = Assert.IsType<CategoricalColumn>(table["label"]);
        Assert.Equal(["bright", "dark"], label.Categories);
        Assert.Equal(["bright", "dark", "dark"], Enumerable.Range(0, 3).Select(label.Format));
        Assert.Equal(250f, image.Row(0)[0]);
        Assert.Equal([1f, 1f, 1f, 1f, 1f, 1f, 2f, 2f, 2f, 2f, 2f, 2f, 3f, 3f, 3f, 3f, 3f, 3f], image.Row(1).ToArray());
        var b = image.Row(2);
        Assert.Equal([0f, 10f, 20f, 0f, 10f, 20f], b[..6].ToArray());     // red plane: 10·x on both rows
        Assert.Equal([100f, 100f, 100f, 101f, 101f, 101f], b[6..12].ToArray()); // green plane: 100 + y
    }

    [Fact]
    public void Grayscale_files_give_one_channel_and_colour_can_be_converted_to_gray()
    {
        Image("g/x/1.png", 2, 2, (x, _) => new SKColor((byte)(x * 200), (byte)(x * 200), (byte)(x * 200)), type: SKColorType.Gray8);
        var gray = (VectorColumn)ImageFolderReader.Read(Path.Combine(_root, "g"))["image"];
        Assert.Equal([1, 2, 2], gray.Shape);
        Assert.Equal([0f, 200f, 0f, 200f], gray.Row(0).ToArray());

        Image("c/x/1.png", 1, 1, (_, _) => new SKColor(100, 200, 50));
        var converted = (VectorColumn)ImageFolderReader.Read(Path.Combine(_root, "c"), new ImageFolderOptions { Channels = 1 })["image"];
        Assert.Equal(0.299f * 100 + 0.587f * 200 + 0.114f * 50, converted.Row(0)[0], 3);
    }

    [Fact]
    public void Jpeg_files_decode_and_a_size_resizes_every_image()
    {
        Image("j/red/1.jpg", 16, 16, (_, _) => new SKColor(200, 0, 0), SKEncodedImageFormat.Jpeg);
        Image("j/blue/1.jpeg", 8, 8, (_, _) => new SKColor(0, 0, 200), SKEncodedImageFormat.Jpeg);
        var table = ImageFolderReader.Read(Path.Combine(_root, "j"), new ImageFolderOptions { Size = new ImageSize(4, 4) });
        var image = (VectorColumn)table["image"];
        Assert.Equal([3, 4, 4], image.Shape);
        var blue = image.Row(0).ToArray();   // "blue" sorts first
        Assert.All(blue[..16], v => Assert.InRange(v, 0f, 12f));
        Assert.All(blue[32..], v => Assert.InRange(v, 188f, 212f));
        var red = image.Row(1).ToArray();
        Assert.All(red[..16], v => Assert.InRange(v, 188f, 212f));
    }

    [Fact]
    public void A_folder_of_images_without_subfolders_gives_the_image_column_alone()
    {
        Image("flat/2.png", 2, 2, (_, _) => SKColors.White);
        Image("flat/1.png", 2, 2, (_, _) => SKColors.Black);
        var table = ImageFolderReader.Read(Path.Combine(_root, "flat"));
        Assert.Equal(["image"], table.ColumnNames);
        Assert.Equal(0f, ((VectorColumn)table["image"]).Row(0)[0]);
    }

    [Fact]
    public void Images_of_different_sizes_without_a_size_name_the_odd_file()
    {
        Image("s/a/1.png", 4, 4, (_, _) => SKColors.Gray);
        var odd = Image("s/a/2.png", 5, 4, (_, _) => SKColors.Gray);
        var e = Assert.Throws<LatheException>(() => ImageFolderReader.Read(Path.Combine(_root, "s")));
        Assert.Equal(ErrorKind.Data, e.Kind);
        Assert.StartsWith($"{odd}: the image is 4×5 but the first image is 4×4", e.Message);
        Assert.Contains("image_size", e.Message);
    }

    [Fact]
    public void A_file_that_does_not_decode_is_named()
    {
        Image("bad/a/1.png", 4, 4, (_, _) => SKColors.Gray);
        var good = Image("bad/a/2.png", 32, 32, (x, y) => new SKColor((byte)(x * 7), (byte)(y * 5), 9));
        var truncated = Path.Combine(_root, "bad/a/3.png");
        var bytes = File.ReadAllBytes(good);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var garbage = Path.Combine(_root, "garbage/a/1.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(garbage)!);
        File.WriteAllText(garbage, "this is not a jpeg");

        var options = new ImageFolderOptions { Size = new ImageSize(4, 4) };
        var e1 = Assert.Throws<LatheException>(() => ImageFolderReader.Read(Path.Combine(_root, "bad"), options));
        Assert.StartsWith(truncated, e1.Message);
        Assert.Contains("does not decode", e1.Message);
        var e2 = Assert.Throws<LatheException>(() => ImageFolderReader.Read(Path.Combine(_root, "garbage")));
        Assert.StartsWith($"{garbage}: not a readable PNG or JPEG image", e2.Message);
        Assert.Equal(ErrorKind.Data, e2.Kind);
    }

    [Fact]
    public void Layout_mistakes_are_errors_naming_the_path()
    {
        Image("mixed/a/1.png", 2, 2, (_, _) => SKColors.Gray);
        var loose = Image("mixed/stray.png", 2, 2, (_, _) => SKColors.Gray);
        Assert.StartsWith($"{loose}: a file next to the class subfolders",
            Assert.Throws<LatheException>(() => ImageFolderReader.Read(Path.Combine(_root, "mixed"))).Message);

        Image("other/a/1.png", 2, 2, (_, _) => SKColors.Gray);
        var text = Path.Combine(_root, "other/a/notes.txt");
        File.WriteAllText(text, "hello");
        Assert.StartsWith($"{text}: not a PNG or JPEG file",
            Assert.Throws<LatheException>(() => ImageFolderReader.Read(Path.Combine(_root, "other"))).Message);

        Image("empty/a/1.png", 2, 2, (_, _) => SKColors.Gray);
        Directory.CreateDirectory(Path.Combine(_root, "empty/b"));
        Assert.Contains("holds no images", Assert.Throws<LatheException>(() => ImageFolderReader.Read(Path.Combine(_root, "empty"))).Message);

        var missing = Path.Combine(_root, "nope");
        Assert.StartsWith($"{missing}: folder not found", Assert.Throws<LatheException>(() => ImageFolderReader.Read(missing)).Message);
        Assert.Equal(ErrorKind.Config,
            Assert.Throws<LatheException>(() => ImageFolderReader.Read(Path.Combine(_root, "empty"), new ImageFolderOptions { Channels = 2 })).Kind);
    }
}
