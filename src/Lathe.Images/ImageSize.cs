namespace Lathe.Images;

/// <summary>An image's height and width in pixels.</summary>
public readonly record struct ImageSize(int Height, int Width)
{
    public override string ToString() => $"{Height}×{Width}";
}
