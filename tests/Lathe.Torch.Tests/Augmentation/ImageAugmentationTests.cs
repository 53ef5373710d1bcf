using Lathe.Torch.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Tests.Augmentation;

public class ImageAugmentationTests
{
    public ImageAugmentationTests() => Runtime.TorchRuntime.Initialize();

    /// <summary>N images [N, C, H, W] whose every value is distinct and non-zero: value = 1 + flat index.</summary>
    private static Tensor Ramp(long n, long c, long h, long w) => arange(1, 1 + n * c * h * w, dtype: ScalarType.Float32).view(n, c, h, w);

    private static Generator Seeded(ulong seed) => new(seed);

    private static float[] Values(Tensor t) => t.contiguous().data<float>().ToArray();

    [Fact]
    public void Flip_horizontal_with_p_1_mirrors_every_row_and_p_0_is_the_identity()
    {
        using var images = Ramp(2, 1, 2, 3); // rows 1 2 3 / 4 5 6 …
        using var flipped = ImageAugmentations.FlipHorizontal(images, 1, Seeded(1));
        Assert.Equal([3f, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10], Values(flipped));
        using var same = ImageAugmentations.FlipHorizontal(images, 0, Seeded(1));
        Assert.Equal(Values(images), Values(same));
    }

    [Fact]
    public void Flip_vertical_with_p_1_turns_the_image_upside_down()
    {
        using var images = Ramp(1, 1, 3, 2);
        using var flipped = ImageAugmentations.FlipVertical(images, 1, Seeded(1));
        Assert.Equal([5f, 6, 3, 4, 1, 2], Values(flipped));
    }

    [Fact]
    public void Flip_with_p_one_half_flips_some_images_and_leaves_the_others_exactly()
    {
        using var images = Ramp(200, 1, 2, 2);
        using var result = ImageAugmentations.FlipHorizontal(images, 0.5, Seeded(7));
        using var mirrored = images.flip(3);
        var flipped = 0;
        for (var i = 0; i < 200; i++)
        {
            if (Values(result[i]).SequenceEqual(Values(mirrored[i]))) flipped++;
            else Assert.Equal(Values(images[i]), Values(result[i]));
        }
        Assert.InRange(flipped, 70, 130);
    }

    [Fact]
    public void Random_crop_keeps_the_shape_and_shifts_the_content_by_at_most_the_padding_filling_with_zeros()
    {
        const int padding = 2;
        using var images = Ramp(50, 2, 6, 5);
        using var cropped = ImageAugmentations.RandomCrop(images, padding, Seeded(3));
        Assert.Equal(images.shape, cropped.shape);
        var shifts = new HashSet<(int, int)>();
        for (var i = 0; i < 50; i++)
        {
            var found = ShiftOf(images[i], cropped[i], padding);
            Assert.True(found is not null, $"image {i} is not a shifted copy of the input");
            shifts.Add(found!.Value);
        }
        Assert.True(shifts.Count > 5, $"only {shifts.Count} distinct shifts in 50 images");
    }

    /// <summary>The (dy, dx) such that out[y, x] = in[y + dy, x + dx] inside the image and 0 outside, on every channel; null if none.</summary>
    private static (int, int)? ShiftOf(Tensor input, Tensor output, int padding)
    {
        var (c, h, w) = ((int)input.shape[0], (int)input.shape[1], (int)input.shape[2]);
        var a = Values(input);
        var b = Values(output);
        for (var dy = -padding; dy <= padding; dy++)
        for (var dx = -padding; dx <= padding; dx++)
        {
            var match = true;
            for (var k = 0; k < c && match; k++)
            for (var y = 0; y < h && match; y++)
            for (var x = 0; x < w && match; x++)
            {
                var (sy, sx) = (y + dy, x + dx);
                var expected = sy >= 0 && sy < h && sx >= 0 && sx < w ? a[(k * h + sy) * w + sx] : 0f;
                match = b[(k * h + y) * w + x] == expected;
            }
            if (match) return (dy, dx);
        }
        return null;
    }

    [Fact]
    public void Cutout_zeroes_exactly_count_squares_of_size_pixels_on_every_channel()
    {
        using var images = Ramp(20, 3, 10, 12);
        using var cut = ImageAugmentations.Cutout(images, size: 4, count: 1, Seeded(5));
        for (var i = 0; i < 20; i++)
        {
            var v = Values(cut[i]);
            Assert.Equal(3 * 16, v.Count(x => x == 0));
            var perChannel = Enumerable.Range(0, 3).Select(k => v.Skip(k * 120).Take(120).Select(x => x == 0).ToArray()).ToArray();
            Assert.Equal(perChannel[0], perChannel[1]); // the same square on every channel
            Assert.Equal(perChannel[0], perChannel[2]);
        }
        // A square larger than the image covers all of it.
        using var all = ImageAugmentations.Cutout(images, size: 20, count: 1, Seeded(5));
        Assert.All(Values(all), x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Brightness_shifts_each_image_by_one_constant_within_the_range()
    {
        using var images = Ramp(30, 1, 3, 3);
        using var brighter = ImageAugmentations.Brightness(images, 0.5, Seeded(2));
        using var shift = brighter - images;
        var distinct = new HashSet<float>();
        for (var i = 0; i < 30; i++)
        {
            var d = Values(shift[i]);
            Assert.All(d, x => Assert.Equal(d[0], x, 1e-4f));
            Assert.InRange(d[0], -0.5f, 0.5f);
            distinct.Add(d[0]);
        }
        Assert.True(distinct.Count > 20);
    }

    [Fact]
    public void Contrast_keeps_each_images_mean_and_scales_its_spread_within_the_range()
    {
        using var images = Ramp(30, 2, 3, 3);
        using var changed = ImageAugmentations.Contrast(images, 0.3, Seeded(2));
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(images[i].mean().item<float>(), changed[i].mean().item<float>(), 2f * 1e-3f * images[i].mean().item<float>());
            var ratio = changed[i].std().item<float>() / images[i].std().item<float>();
            Assert.InRange(ratio, 0.7f - 1e-4f, 1.3f + 1e-4f);
        }
    }

    [Fact]
    public void Rotation_keeps_the_shape_turns_a_bar_and_leaves_a_centered_disk_almost_alone()
    {
        // A vertical bar through the center of a 15×15 image, rotated by up to 90° either way, must lose pixels in its column.
        var bar = new float[15 * 15];
        for (var y = 0; y < 15; y++) bar[y * 15 + 7] = 1;
        using var bars = tensor(bar, [1, 1, 15, 15]).expand(20, 1, 15, 15).contiguous();
        using var turned = ImageAugmentations.Rotate(bars, 90, Seeded(4));
        Assert.Equal(bars.shape, turned.shape);
        using var column = turned.select(3, 7).sum([1, 2]);
        Assert.True(column.min().item<float>() < 14.5f);

        var disk = new float[15 * 15];
        for (var y = 0; y < 15; y++)
        for (var x = 0; x < 15; x++)
            disk[y * 15 + x] = (y - 7) * (y - 7) + (x - 7) * (x - 7) <= 16 ? 1 : 0;
        using var disks = tensor(disk, [1, 1, 15, 15]).expand(20, 1, 15, 15).contiguous();
        using var rotated = ImageAugmentations.Rotate(disks, 30, Seeded(4));
        // The disk's center stays lit and the total mass barely moves.
        Assert.All(Values(rotated.select(2, 7).select(2, 7)), v => Assert.Equal(1f, v, 1e-4f));
        using var mass = rotated.sum([1, 2, 3]) / disks.sum([1, 2, 3]);
        Assert.All(Values(mass), m => Assert.InRange(m, 0.9f, 1.1f));
    }

    [Fact]
    public void Gaussian_noise_has_the_requested_standard_deviation()
    {
        using var inputs = zeros(200, 1000);
        using var noisy = ImageAugmentations.GaussianNoise(inputs, 0.3, Seeded(9));
        Assert.Equal(0.3, noisy.std().item<float>(), 0.005);
        Assert.Equal(0.0, noisy.mean().item<float>(), 0.005);
    }
}
