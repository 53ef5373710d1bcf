using Lathe.Data;

namespace Lathe.Synthetic;

/// <summary>
/// Seeded toy datasets for tests and demos. Each returns a <see cref="Table"/> of numeric features
/// x0, x1, … and a target column (role Target): <c>label</c> (categorical classes class0, class1, …) for
/// classification, blobs and moons, <c>target</c> (numeric) for regression. Rows are shuffled; the same
/// options and seed always give the same table.
/// </summary>
public static class Generators
{
    public const string LabelColumn = "label";
    public const string TargetColumn = "target";

    /// <summary>
    /// Classes made of Gaussian clusters on hypercube vertices in the informative dimensions (each cluster
    /// given a random covariance), then redundant features (linear combinations of the informative ones),
    /// then standard-normal noise features; a share of labels is replaced at random. Classes get equal row counts,
    /// or shares set by <see cref="ClassificationOptions.Weights"/> (before label noise). Columns are in that order: informative first.
    /// </summary>
    public static Table Classification(ClassificationOptions options, int seed)
    {
        options.Validate();
        var random = new Random(seed);
        var (rows, informative, redundantCount) = (options.Rows, options.InformativeCount, options.RedundantCount);
        var clusters = options.Classes * options.ClustersPerClass;
        var centroids = HypercubeVertices(clusters, informative, options.ClassSeparation, random);

        var x = new double[rows, options.Features];
        var labels = new int[rows];
        var row = 0;
        var classRows = ShareOut(rows, options.Weights ?? [.. Enumerable.Repeat(1.0, options.Classes)]);
        for (var k = 0; k < clusters; k++)
        {
            // Cluster k belongs to class k mod classes; a class's rows are shared out over its clusters.
            var (c, nth) = (k % options.Classes, k / options.Classes);
            var count = classRows[c] / options.ClustersPerClass + (nth < classRows[c] % options.ClustersPerClass ? 1 : 0);
            var mixing = UniformMatrix(informative, informative, random);
            for (var i = 0; i < count; i++, row++)
            {
                labels[row] = c;
                var z = new double[informative];
                for (var j = 0; j < informative; j++) z[j] = StandardNormal.Sample(random);
                for (var j = 0; j < informative; j++)
                {
                    double sum = 0;
                    for (var m = 0; m < informative; m++) sum += z[m] * mixing[m, j];
                    x[row, j] = sum + centroids[k][j];
                }
            }
        }
        var redundant = UniformMatrix(informative, redundantCount, random);
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < redundantCount; j++)
            {
                double sum = 0;
                for (var m = 0; m < informative; m++) sum += x[r, m] * redundant[m, j];
                x[r, informative + j] = sum;
            }
            for (var j = informative + redundantCount; j < options.Features; j++) x[r, j] = StandardNormal.Sample(random);
        }
        for (var r = 0; r < rows; r++)
            if (random.NextDouble() < options.LabelNoise) labels[r] = random.Next(options.Classes);

        return Build(x, LabeledTarget(labels, options.Classes), Shuffle(rows, random));
    }

    /// <summary>target = bias + Σ wⱼ·xⱼ + noise, with standard-normal features and weights uniform in [0, 100) on the informative (first) features.</summary>
    public static Table Regression(RegressionOptions options, int seed) => Regression(options, seed, out _);

    /// <summary>As <see cref="Regression(RegressionOptions, int)"/>, also returning the true coefficients.</summary>
    public static Table Regression(RegressionOptions options, int seed, out double[] coefficients)
    {
        options.Validate();
        var random = new Random(seed);
        var x = new double[options.Rows, options.Features];
        for (var r = 0; r < options.Rows; r++)
            for (var j = 0; j < options.Features; j++) x[r, j] = StandardNormal.Sample(random);
        coefficients = new double[options.Features];
        for (var j = 0; j < (options.Informative ?? options.Features); j++) coefficients[j] = 100 * random.NextDouble();
        var y = new float[options.Rows];
        for (var r = 0; r < options.Rows; r++)
        {
            var sum = options.Bias;
            for (var j = 0; j < options.Features; j++) sum += coefficients[j] * x[r, j];
            y[r] = (float)(sum + options.Noise * StandardNormal.Sample(random));
        }
        return Build(x, new NumericColumn(TargetColumn, y), Shuffle(options.Rows, random));
    }

    /// <summary>Isotropic Gaussian blobs, one class per blob, rows shared out evenly.</summary>
    public static Table Blobs(BlobsOptions options, int seed)
    {
        options.Validate();
        var random = new Random(seed);
        var centres = new double[options.Centers][];
        for (var k = 0; k < options.Centers; k++)
            centres[k] = [.. Enumerable.Range(0, options.Features).Select(_ => (2 * random.NextDouble() - 1) * options.CenterBox)];
        var x = new double[options.Rows, options.Features];
        var labels = new int[options.Rows];
        for (var r = 0; r < options.Rows; r++)
        {
            var k = labels[r] = r % options.Centers;
            for (var j = 0; j < options.Features; j++) x[r, j] = centres[k][j] + options.Spread * StandardNormal.Sample(random);
        }
        return Build(x, LabeledTarget(labels, options.Centers), Shuffle(options.Rows, random));
    }

    /// <summary>
    /// Two interleaving half circles: class0 on the upper arc of the unit circle, class1 on a lower arc shifted
    /// right by 1 and down by 0.5. No straight line separates them; a local model (k-NN, trees, RBF) does.
    /// </summary>
    public static Table Moons(MoonsOptions options, int seed)
    {
        options.Validate();
        var random = new Random(seed);
        var outer = options.Rows / 2 + options.Rows % 2;
        var inner = options.Rows / 2;
        var x = new double[options.Rows, 2];
        var labels = new int[options.Rows];
        for (var r = 0; r < options.Rows; r++)
        {
            var isOuter = r < outer;
            var t = Math.PI * (isOuter ? r : r - outer) / Math.Max(1, (isOuter ? outer : inner) - 1);
            x[r, 0] = isOuter ? Math.Cos(t) : 1 - Math.Cos(t);
            x[r, 1] = isOuter ? Math.Sin(t) : 0.5 - Math.Sin(t);
            labels[r] = isOuter ? 0 : 1;
        }
        for (var r = 0; r < options.Rows; r++)
            for (var j = 0; j < 2; j++) x[r, j] += options.Noise * StandardNormal.Sample(random);
        return Build(x, LabeledTarget(labels, 2), Shuffle(options.Rows, random));
    }

    /// <summary>Rows in proportion to the weights, by largest remainder so they add up to <paramref name="rows"/>.</summary>
    private static int[] ShareOut(int rows, IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var exact = weights.Select(w => rows * w / total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(rows - counts.Sum()))
            counts[i]++;
        return counts;
    }

    internal static void Positive(int value, string name)
    {
        if (value < 1) throw LatheException.BadConfig($"{name} must be at least 1, not {value}.");
    }

    private static CategoricalColumn LabeledTarget(int[] labels, int classes) =>
        new(LabelColumn, labels, [.. Enumerable.Range(0, classes).Select(c => $"class{c}")]);

    /// <summary>Distinct vertices of the hypercube [-separation, separation]^dimensions, chosen at random.</summary>
    private static double[][] HypercubeVertices(int count, int dimensions, double separation, Random random)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var vertices = new List<double[]>();
        while (vertices.Count < count)
        {
            var signs = new char[dimensions];
            for (var j = 0; j < dimensions; j++) signs[j] = random.Next(2) == 0 ? '-' : '+';
            if (!seen.Add(new string(signs))) continue;
            vertices.Add([.. signs.Select(s => s == '+' ? separation : -separation)]);
        }
        return [.. vertices];
    }

    private static double[,] UniformMatrix(int rows, int columns, Random random)
    {
        var m = new double[rows, columns];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++) m[i, j] = 2 * random.NextDouble() - 1;
        return m;
    }

    private static int[] Shuffle(int rows, Random random)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(order);
        return order;
    }

    /// <summary>The feature matrix as columns x0, x1, … plus the target, rows in the given order; the target has role Target.</summary>
    private static Table Build(double[,] x, Column target, int[] order)
    {
        var (rows, width) = (x.GetLength(0), x.GetLength(1));
        var columns = new List<Column>();
        for (var j = 0; j < width; j++)
        {
            var values = new float[rows];
            for (var r = 0; r < rows; r++) values[r] = (float)x[order[r], j];
            columns.Add(new NumericColumn($"x{j}", values));
        }
        columns.Add(target.Take(order));
        return new Table(columns).WithRole(target.Name, ColumnRole.Target);
    }
}
