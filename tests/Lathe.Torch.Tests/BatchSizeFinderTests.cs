using Lathe.Torch.Nets;
using Lathe.Torch.Objectives;
using Lathe.Torch.Training;
using static TorchSharp.torch;

namespace Lathe.Torch.Tests;

public class BatchSizeFinderTests
{
    [Fact]
    public void The_finder_doubles_until_throughput_stops_paying_off_and_suggests_a_measured_size()
    {
        Runtime.TorchRuntime.Initialize();
        var random = new Random(1);
        var x = Enumerable.Range(0, 1024 * 8).Select(_ => (float)random.NextDouble()).ToArray();
        using var data = TensorData.From(x, 8, Enumerable.Range(0, 1024).Select(r => (long)(r % 2)).ToArray());
        var search = BatchSizeFinder.Run(() => new MlpNet(8, [32], 2, 0), new SoftmaxObjective(), data, new OptimizerOptions(), CPU, start: 8, max: 1024);

        Assert.Equal(8, search.Trials[0].BatchSize);
        Assert.True(search.Trials.Zip(search.Trials.Skip(1)).All(p => p.Second.BatchSize == 2 * p.First.BatchSize));
        Assert.All(search.Trials, t => Assert.True(t.RowsPerSecond > 0));
        Assert.Contains(search.Suggested, search.Trials.Select(t => t.BatchSize));
        Assert.True(search.Suggested <= 1024);
        Assert.False(string.IsNullOrEmpty(search.Note));
    }
}
