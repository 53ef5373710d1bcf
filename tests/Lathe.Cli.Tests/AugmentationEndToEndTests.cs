using System.Buffers.Binary;
using System.IO.Compression;
using Xunit.Abstractions;

namespace Lathe.Cli.Tests;

public class AugmentationEndToEndTests(ITestOutputHelper log)
{
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";
    private const string Csv = "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n9,10,x\n11,12,y\n13,14,x\n15,16,y\n17,18,x\n19,20,y\n21,22,x\n23,24,y\n";

    /// <summary>The first <paramref name="count"/> items of a gzipped IDX file, written as a plain IDX file.</summary>
    private static void Head(string gz, int count, string destination)
    {
        using var input = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        input.CopyTo(memory);
        var bytes = memory.ToArray();
        var dimensions = bytes[3];
        var itemSize = 1;
        for (var d = 1; d < dimensions; d++) itemSize *= BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
        var header = 4 + 4 * dimensions;
        var head = bytes[..(header + count * itemSize)];
        BinaryPrimitives.WriteInt32BigEndian(head.AsSpan(4), count);
        File.WriteAllBytes(destination, head);
    }

    private static string FashionConfig(string augment) => $"""
        name: fashion-small
        seed: 7
        data:
          format: idx
          train: train-images
          train_labels: train-labels
          test: test-images
          test_labels: test-labels
          target: label
          split: {"{"} method: stratified, validation: 0.15 {"}"}
          augment: {augment}
        model: {"{"} type: cnn, channels: [16, 32], hidden: [64] {"}"}
        train:
          epochs: 8
          batch_size: 32
          optimizer: {"{"} type: adam, lr: 0.002 {"}"}
        """;

    [Fact]
    public void A_cnn_on_a_few_hundred_fashion_mnist_images_learns_with_flips_and_crops()
    {
        Assert.True(Directory.Exists(FashionMnist), "Install the Debian package dataset-fashion-mnist (scripts/test.sh does).");
        using var cli = new CliRunner();
        Head($"{FashionMnist}/train-images-idx3-ubyte.gz", 700, Path.Combine(cli.Folder, "train-images"));
        Head($"{FashionMnist}/train-labels-idx1-ubyte.gz", 700, Path.Combine(cli.Folder, "train-labels"));
        Head($"{FashionMnist}/t10k-images-idx3-ubyte.gz", 500, Path.Combine(cli.Folder, "test-images"));
        Head($"{FashionMnist}/t10k-labels-idx1-ubyte.gz", 500, Path.Combine(cli.Folder, "test-labels"));

        var augmented = cli.Train(cli.Write("augmented.yaml", FashionConfig("[{ type: flip_horizontal }, { type: random_crop, padding: 2 }]")));
        Assert.True(augmented.ExitCode == 0, augmented.Error + augmented.Output);
        Assert.Contains("augment (training batches only): flip_horizontal (p 0.5), then random_crop (padding 2)", augmented.Output);
        var plain = cli.Train(cli.Write("plain.yaml", FashionConfig("[]")));
        Assert.True(plain.ExitCode == 0, plain.Error + plain.Output);
        Assert.DoesNotContain("augment", plain.Output);

        var (withAugment, without) = (CliRunner.TestMetric(augmented.Output, "accuracy"), CliRunner.TestMetric(plain.Output, "accuracy"));
        log.WriteLine($"test accuracy on 500 images after 8 epochs on 595: {withAugment:0.000} with flips and crops, {without:0.000} without");
        Assert.True(withAugment > 0.6, $"with augmentation: test accuracy {withAugment}");
        Assert.True(without > 0.6, $"without augmentation: test accuracy {without}");
        Assert.Contains("type: flip_horizontal", File.ReadAllText(Path.Combine(CliRunner.RunFolderOf(augmented.Output), "config.yaml")));
    }

    private static void AssertConfigError((int ExitCode, string Output, string Error) result, params string[] expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        foreach (var text in expected) Assert.Contains(text, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Theory]
    [InlineData("mlp", "[{ type: flip_sideways }]", "data.augment[0].type 'flip_sideways' is not one of flip_horizontal")]
    [InlineData("mlp", "[{ type: gaussian_noise, std: 0.1 }, { type: random_crop, p: 0.5 }]", "data.augment[1].p does not apply to random_crop (its options: padding)")]
    [InlineData("mlp", "[{ type: cutout, size: 0 }]", "data.augment[0].size must be at least 1")]
    [InlineData("mlp", "[{ p: 0.5 }]", "data.augment[0].type is required")]
    [InlineData("mlp", "[{ type: flip_horizontal }]", "data.augment[0]: flip_horizontal changes images")]
    [InlineData("tree", "[{ type: gaussian_noise }]", "data.augment applies to neural networks")]
    public void A_bad_augmentation_is_a_config_error_naming_the_entry(string model, string augment, string expected)
    {
        using var cli = new CliRunner();
        cli.Write("data.csv", Csv);
        var config = cli.Write("config.yaml", $"name: bad\ndata:\n  path: data.csv\n  target: label\n  augment: {augment}\nmodel: {{ type: {model} }}\ntrain: {{ epochs: 1 }}\n");
        AssertConfigError(cli.Train(config), expected);
    }
}
