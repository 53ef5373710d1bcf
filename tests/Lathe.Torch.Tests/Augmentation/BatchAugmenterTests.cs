using Lathe.Augmentation;
using Lathe.Torch.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace Lathe.Torch.Tests.Augmentation;

public class BatchAugmenterTests
{
    public BatchAugmenterTests() => Runtime.TorchRuntime.Initialize();

    private static readonly AugmentationSpec[] ImageOps =
    [
        new FlipHorizontal(), new FlipVertical { P = 0.3 }, new RandomCrop { Padding = 1 }, new Rotation { Degrees = 10 },
        new Brightness(), new Contrast(), new Cutout { Size = 2 }, new GaussianNoise(), new Mixup(),
    ];

    private static float[] Values(Tensor t) => t.contiguous().data<float>().ToArray();

    [Fact]
    public void The_same_seed_epoch_and_batch_give_the_same_batch_and_another_batch_draws_anew()
    {
        var augmenter = new BatchAugmenter(ImageOps, AugmentedInput.Image, [1, 6, 6], classes: 3);
        using var x = rand(8, 36, generator: new Generator(1));
        using var y = tensor(new long[] { 0, 1, 2, 0, 1, 2, 0, 1 });
        var (a, ay) = augmenter.Apply(x, y, seed: 5, epoch: 2, batch: 3);
        var (b, by) = augmenter.Apply(x, y, seed: 5, epoch: 2, batch: 3);
        var (c, _) = augmenter.Apply(x, y, seed: 5, epoch: 3, batch: 3);
        var (d, _) = augmenter.Apply(x, y, seed: 6, epoch: 2, batch: 3);
        Assert.Equal(x.shape, a.shape);
        Assert.Equal(Values(a), Values(b));
        Assert.Equal(Values(ay), Values(by));
        Assert.NotEqual(Values(a), Values(c));
        Assert.NotEqual(Values(a), Values(d));
        Assert.Equal(new long[] { 8, 3 }, ay.shape); // mixup turned class indices into probabilities
    }

    [Fact]
    public void The_augmenter_leaves_libtorchs_global_generator_alone()
    {
        var augmenter = new BatchAugmenter(ImageOps, AugmentedInput.Image, [1, 6, 6], classes: 3);
        using var x = rand(8, 36);
        using var y = tensor(new long[] { 0, 1, 2, 0, 1, 2, 0, 1 });
        random.manual_seed(11);
        using var expected = rand(5);
        random.manual_seed(11);
        augmenter.Apply(x, y, seed: 5, epoch: 1, batch: 0);
        using var after = rand(5);
        Assert.Equal(Values(expected), Values(after));
    }

    [Fact]
    public void Mixup_blends_inputs_and_one_hot_targets_with_the_same_weight()
    {
        // Inputs equal to their one-hot targets: after mixup they must still equal the (mixed) targets.
        var augmenter = new BatchAugmenter([new Mixup { Alpha = 1 }], AugmentedInput.Numeric, [4], classes: 4);
        using var y = tensor(new long[] { 0, 1, 2, 3, 0, 1, 2, 3, 1, 2 });
        using var x = nn.functional.one_hot(y, 4).to(ScalarType.Float32);
        var mixes = new List<string>();
        for (var batch = 0; batch < 20; batch++)
        {
            var (mx, my) = augmenter.Apply(x, y, seed: 1, epoch: 1, batch: batch);
            Assert.Equal(Values(mx), Values(my));
            Assert.All(Values(my.sum(1)), s => Assert.Equal(1f, s, 1e-5f));
            mixes.Add(string.Join(",", Values(my)));
        }
        Assert.True(mixes.Distinct().Count() > 15, "λ and the pairing are drawn anew per batch");
    }

    [Fact]
    public void Beta_draws_have_the_mean_and_spread_of_beta_alpha_alpha()
    {
        var random = new Random(3);
        var draws = Enumerable.Range(0, 20000).Select(_ => Mixing.Beta(random, 0.4)).ToArray();
        var mean = draws.Average();
        var variance = draws.Select(d => (d - mean) * (d - mean)).Average();
        Assert.Equal(0.5, mean, 0.01);
        Assert.Equal(1 / (4 * (2 * 0.4 + 1)), variance, 0.005); // Var Beta(a, a) = 1 / (4 (2a + 1))
    }

    [Fact]
    public void An_image_augmentation_on_numeric_features_is_a_config_error_naming_the_entry()
    {
        var e = Assert.Throws<LatheException>(() => new BatchAugmenter([new GaussianNoise(), new FlipHorizontal()], AugmentedInput.Numeric, [5]));
        Assert.Contains("data.augment[1]: flip_horizontal", e.Message);
        Assert.Contains("numeric features", e.Message);
    }

    [Fact]
    public void A_probability_above_one_is_a_config_error_naming_the_field()
    {
        var e = Assert.Throws<LatheException>(() => new BatchAugmenter([new FlipHorizontal { P = 1.5 }], AugmentedInput.Image, [1, 4, 4]));
        Assert.Contains("data.augment[0].p", e.Message);
    }
}
