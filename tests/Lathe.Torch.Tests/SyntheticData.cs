using Lathe.Data;
using Lathe.Models;

namespace Lathe.Torch.Tests;

/// <summary>Small seeded datasets whose answers are known, so a test can tell a model that learns from one that does not.</summary>
internal static class SyntheticData
{
    /// <summary>Three Gaussian blobs in 2-D around (0,0), (4,0), (0,4), labelled "a", "b", "c".</summary>
    public static Table Blobs(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows];
        var y = new float[rows];
        var labels = new string?[rows];
        (float X, float Y, string Name)[] centers = [(0, 0, "a"), (4, 0, "b"), (0, 4, "c")];
        for (var i = 0; i < rows; i++)
        {
            var c = centers[i % 3];
            x[i] = c.X + (float)Gaussian(random);
            y[i] = c.Y + (float)Gaussian(random);
            labels[i] = c.Name;
        }
        return new Table([new NumericColumn("x", x), new NumericColumn("y", y), CategoricalColumn.FromStrings("label", labels, ["a", "b", "c"])]);
    }

    /// <summary>target = 3·x1 − 2·x2 + 1 + small noise.</summary>
    public static Table Linear(int rows, int seed)
    {
        var random = new Random(seed);
        var x1 = new float[rows];
        var x2 = new float[rows];
        var target = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            x1[i] = (float)(random.NextDouble() * 4 - 2);
            x2[i] = (float)(random.NextDouble() * 4 - 2);
            target[i] = 3 * x1[i] - 2 * x2[i] + 1 + 0.05f * (float)Gaussian(random);
        }
        return new Table([new NumericColumn("x1", x1), new NumericColumn("x2", x2), new NumericColumn("target", target)]);
    }

    public static TrainingData Classification(Table train, Table? validation) =>
        new(train, validation, "label", TaskKind.Classification);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
