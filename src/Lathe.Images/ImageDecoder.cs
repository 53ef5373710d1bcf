using SkiaSharp;

namespace Lathe.Images;

/// <summary>Decodes one PNG or JPEG file with SkiaSharp into float pixels laid out [channels, height, width].</summary>
internal static class ImageDecoder
{
    /// <summary>Size and channel count of a file, read from its header: grayscale files have 1 channel, others 3.</summary>
    public static (ImageSize Size, int Channels) Describe(string file)
    {
        using var codec = OpenCodec(file);
        var info = codec.Info;
        return (new ImageSize(info.Height, info.Width), info.ColorType == SKColorType.Gray8 ? 1 : 3);
    }

    /// <summary>
    /// Writes the image into <paramref name="into"/> (0–255 per channel). A file of another size is resized
    /// (bilinear) when <paramref name="resize"/> is set, and is an error otherwise. Grayscale from colour uses
    /// the ITU-R 601 weights (0.299 R + 0.587 G + 0.114 B), as PIL's "L" mode does.
    /// </summary>
    public static void Decode(string file, ImageSize size, int channels, bool resize, Span<float> into)
    {
        using var codec = OpenCodec(file);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        if (!resize && (info.Height != size.Height || info.Width != size.Width))
            throw LatheException.BadData(
                $"{file}: the image is {info.Height}×{info.Width} but the first image is {size}. " +
                "Set data.image_size (e.g. image_size: [28, 28]) to resize every image, or make them the same size.");
        // Not SKBitmap.Decode: it accepts a truncated file (IncompleteInput) and fills the missing rows.
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
            throw LatheException.BadData($"{file}: the image data does not decode ({result}); the file is damaged or truncated. Replace or remove it.");
        using var sized = info.Height == size.Height && info.Width == size.Width
            ? null
            : decoded.Resize(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None))
              ?? throw LatheException.BadData($"{file}: the image could not be resized to {size}.");
        var bitmap = sized ?? decoded;

        var pixels = bitmap.GetPixelSpan();
        var plane = size.Height * size.Width;
        for (var y = 0; y < size.Height; y++)
        {
            var row = pixels.Slice(y * bitmap.RowBytes, size.Width * 4);
            for (var x = 0; x < size.Width; x++)
            {
                float r = row[4 * x], g = row[4 * x + 1], b = row[4 * x + 2];
                var at = y * size.Width + x;
                if (channels == 1) into[at] = r == g && g == b ? r : 0.299f * r + 0.587f * g + 0.114f * b;
                else
                {
                    into[at] = r;
                    into[plane + at] = g;
                    into[2 * plane + at] = b;
                }
            }
        }
    }

    private static SKCodec OpenCodec(string file)
    {
        var codec = SKCodec.Create(file, out var result);
        return codec ?? throw LatheException.BadData(
            $"{file}: not a readable PNG or JPEG image ({result}). The file is damaged, truncated or of another format; replace or remove it.");
    }
}
