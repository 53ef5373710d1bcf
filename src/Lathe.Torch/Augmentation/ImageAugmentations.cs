using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Augmentation;

/// <summary>
/// Image augmentations on a batch shaped [N, C, H, W], each drawing its random numbers on the CPU from
/// the given generator (so the result does not depend on the device) and returning a new tensor.
/// </summary>
public static class ImageAugmentations
{
    public static Tensor FlipHorizontal(Tensor images, double p, Generator generator) => FlipWhere(images, p, 3, generator);

    public static Tensor FlipVertical(Tensor images, double p, Generator generator) => FlipWhere(images, p, 2, generator);

    /// <summary>Zero-pads each side by <paramref name="padding"/>, then cuts an H×W window at a random offset per image.</summary>
    public static Tensor RandomCrop(Tensor images, int padding, Generator generator)
    {
        var (n, channels, height, width) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        using var offsets = randint(0, 2 * padding + 1, [n, 2], dtype: ScalarType.Int64, generator: generator);
        using var at = offsets.to(images.device);
        using var padded = nn.functional.pad(images, [padding, padding, padding, padding]);
        // Two gathers cut every image's window at once: rows dy..dy+H-1, then columns dx..dx+W-1.
        using var rows = (at[.., 0].view(n, 1) + arange(height, device: images.device)).view(n, 1, height, 1).expand(n, channels, height, width + 2 * padding);
        using var band = padded.gather(2, rows);
        using var columns = (at[.., 1].view(n, 1) + arange(width, device: images.device)).view(n, 1, 1, width).expand(n, channels, height, width);
        return band.gather(3, columns);
    }

    /// <summary>Rotates each image about its center by a uniform angle in [-degrees, degrees]: bilinear sampling, zeros outside.</summary>
    public static Tensor Rotate(Tensor images, double degrees, Generator generator)
    {
        var (n, height, width) = (images.shape[0], images.shape[2], images.shape[3]);
        using var angles = rand([n], generator: generator);
        var radians = angles.data<float>().ToArray().Select(u => (2 * u - 1) * degrees * Math.PI / 180).ToArray();
        // affine_grid works in coordinates normalized to [-1, 1] per axis; the aspect ratio keeps the
        // rotation rigid in pixels for non-square images.
        var (toWidth, toHeight) = ((double)height / width, (double)width / height);
        var theta = new float[n * 6];
        for (var i = 0; i < n; i++)
        {
            var (cos, sin) = (Math.Cos(radians[i]), Math.Sin(radians[i]));
            theta[6 * i] = (float)cos;
            theta[6 * i + 1] = (float)(-sin * toWidth);
            theta[6 * i + 3] = (float)(sin * toHeight);
            theta[6 * i + 4] = (float)cos;
        }
        using var matrices = tensor(theta, [n, 2, 3]).to(images.device);
        using var grid = nn.functional.affine_grid(matrices, [n, images.shape[1], height, width], align_corners: false);
        return nn.functional.grid_sample(images, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, align_corners: false);
    }

    /// <summary>Adds one uniform value in [-delta, delta] to all pixels of each image.</summary>
    public static Tensor Brightness(Tensor images, double delta, Generator generator)
    {
        using var shift = PerImage(images, generator, u => (2 * u - 1) * delta);
        return images + shift;
    }

    /// <summary>Scales each image about its own mean by a uniform factor in [1 − factor, 1 + factor].</summary>
    public static Tensor Contrast(Tensor images, double factor, Generator generator)
    {
        using var scale = PerImage(images, generator, u => 1 + (2 * u - 1) * factor);
        using var mean = images.mean([1, 2, 3], keepdim: true);
        return (images - mean) * scale + mean;
    }

    /// <summary>Zeroes <paramref name="count"/> squares of <paramref name="size"/> pixels per image, each wholly inside the image (clipped to it when larger).</summary>
    public static Tensor Cutout(Tensor images, int size, int count, Generator generator)
    {
        var (n, height, width) = (images.shape[0], (int)images.shape[2], (int)images.shape[3]);
        var (sy, sx) = (Math.Min(size, height), Math.Min(size, width));
        using var places = rand([n, count, 2], generator: generator);
        var u = places.data<float>().ToArray();
        var mask = new float[n * height * width];
        Array.Fill(mask, 1f);
        for (var i = 0; i < n; i++)
        for (var k = 0; k < count; k++)
        {
            var top = Math.Min((int)(u[(i * count + k) * 2] * (height - sy + 1)), height - sy);
            var left = Math.Min((int)(u[(i * count + k) * 2 + 1] * (width - sx + 1)), width - sx);
            for (var y = top; y < top + sy; y++) Array.Fill(mask, 0f, (i * height + y) * width + left, sx);
        }
        using var keep = tensor(mask, [n, 1, height, width]).to(images.device);
        return images * keep;
    }

    /// <summary>Adds Gaussian noise of standard deviation <paramref name="std"/> to every value (any shape).</summary>
    public static Tensor GaussianNoise(Tensor inputs, double std, Generator generator)
    {
        using var noise = randn(inputs.shape, generator: generator).to(inputs.device);
        return inputs + noise * std;
    }

    private static Tensor FlipWhere(Tensor images, double p, long dimension, Generator generator)
    {
        using var draws = rand([images.shape[0]], generator: generator);
        using var flip = draws.lt(p).view(-1, 1, 1, 1).to(images.device);
        using var flipped = images.flip(dimension);
        return where(flip, flipped, images);
    }

    /// <summary>One value per image, f(u) for u uniform in [0, 1), shaped [N, 1, 1, 1] on the images' device.</summary>
    private static Tensor PerImage(Tensor images, Generator generator, Func<double, double> f)
    {
        using var draws = rand([images.shape[0]], generator: generator);
        var values = draws.data<float>().ToArray().Select(u => (float)f(u)).ToArray();
        return tensor(values, [images.shape[0], 1, 1, 1]).to(images.device);
    }
}
