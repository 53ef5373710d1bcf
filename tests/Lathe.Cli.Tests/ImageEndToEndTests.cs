using System.Buffers.Binary;

namespace Lathe.Cli.Tests;

public class ImageEndToEndTests
{
    /// <summary>An IDX file of unsigned bytes with the given shape.</summary>
    private static byte[] Idx(int[] shape, byte[] values)
    {
        var bytes = new byte[4 + 4 * shape.Length + values.Length];
        bytes[2] = 0x08;
        bytes[3] = (byte)shape.Length;
        for (var d = 0; d < shape.Length; d++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), shape[d]);
        values.CopyTo(bytes, 4 + 4 * shape.Length);
        return bytes;
    }

    /// <summary>8×8 images of a horizontal (label 0) or vertical (label 1) bar.</summary>
    private static (byte[] Images, byte[] Labels) Bars(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 64];
        var labels = new byte[count];
        for (var n = 0; n < count; n++)
        {
            labels[n] = (byte)(n % 2);
            var at = random.Next(8);
            for (var i = 0; i < 64; i++)
                pixels[n * 64 + i] = (byte)(((labels[n] == 0 ? i / 8 : i % 8) == at ? 200 : 0) + random.Next(50));
        }
        return (Idx([count, 8, 8], pixels), Idx([count], labels));
    }

    [Fact]
    public void A_cnn_trains_on_idx_files_and_predict_reads_an_idx_image_file()
    {
        using var cli = new CliRunner();
        var (trainImages, trainLabels) = Bars(300, 1);
        var (testImages, testLabels) = Bars(100, 2);
        File.WriteAllBytes(Path.Combine(cli.Folder, "train-images-idx3-ubyte"), trainImages);
        File.WriteAllBytes(Path.Combine(cli.Folder, "train-labels-idx1-ubyte"), trainLabels);
        File.WriteAllBytes(Path.Combine(cli.Folder, "test-images-idx3-ubyte"), testImages);
        File.WriteAllBytes(Path.Combine(cli.Folder, "test-labels-idx1-ubyte"), testLabels);
        var config = cli.Write("config.yaml", """
            name: bars
            data:
              train: train-images-idx3-ubyte
              train_labels: train-labels-idx1-ubyte
              test: test-images-idx3-ubyte
              test_labels: test-labels-idx1-ubyte
              target: label
              split: { validation: 0.2 }
            model: { type: cnn, channels: [8], hidden: [16] }
            train:
              epochs: 10
              batch_size: 16
              optimizer: { type: adam, lr: 0.01 }
            """);
        var (code, output, error) = cli.Train(config);
        Assert.True(code == 0, error + output);
        Assert.Contains("test: accuracy", output);

        var predictions = Path.Combine(cli.Folder, "p.csv");
        var predict = cli.Run("predict", CliRunner.RunFolderOf(output), "--input", Path.Combine(cli.Folder, "test-images-idx3-ubyte"), "--output", predictions);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var rows = File.ReadAllLines(predictions);
        Assert.Equal("prediction,p_0,p_1", rows[0]);
        Assert.Equal(101, rows.Length);
        var correct = rows.Skip(1).Select((row, i) => row.Split(',')[0] == (i % 2).ToString()).Count(ok => ok);
        Assert.True(correct >= 90, $"{correct}/100 correct");
    }
}
