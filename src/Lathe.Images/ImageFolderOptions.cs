namespace Lathe.Images;

/// <summary>How to read a folder of images. The defaults take the size and colour of the first image.</summary>
public sealed record ImageFolderOptions
{
    /// <summary>Resize every image to this height × width; null keeps the first image's size and refuses others.</summary>
    public ImageSize? Size { get; init; }

    /// <summary>1 (grayscale) or 3 (RGB); null takes it from the first image (grayscale files give 1, others 3).</summary>
    public int? Channels { get; init; }

    /// <summary>Name of the vector column of pixels.</summary>
    public string ImageColumn { get; init; } = "image";

    /// <summary>Name of the column of class names (the subfolders).</summary>
    public string LabelColumn { get; init; } = "label";

    /// <summary>When set, a text column of this name holds each image's path relative to the folder (for prediction output).</summary>
    public string? FileColumn { get; init; }
}
