using Lathe.Data;

namespace Lathe.Prep;

/// <summary>How a <see cref="TargetEncoder"/> learns.</summary>
public sealed record TargetEncoderOptions
{
    /// <summary>The categorical columns to encode; null encodes every categorical input column.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>
    /// Weight of the overall mean, in rows: a category seen n times gets (n · its mean + m · overall mean) / (n + m),
    /// so rare categories lean on the overall mean instead of a noisy mean of a few rows.
    /// </summary>
    public double Smoothing { get; init; } = 10;

    /// <summary>Folds for encoding the training rows out of fold (see <see cref="TargetEncoder"/>); 1 encodes them in-sample.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seeds the assignment of training rows to folds.</summary>
    public int Seed { get; init; }
}

/// <summary>
/// Replaces a categorical column by the smoothed mean of the target per category: one column for regression
/// and for two classes (the share of the second class), one column per class ("city:class") for more.
/// Fitted on the training rows only. A training row is encoded with statistics from the other folds, never
/// its own target, so the model cannot learn the target back from its own encoding (target leakage);
/// validation, test and new rows use the statistics of all training rows. A category never seen in
/// training, or a missing value, gets the overall training mean.
/// </summary>
public sealed class TargetEncoder(TargetEncoderOptions? options = null) : ITrainingTransform
{
    public const string TypeName = "target_encoder";

    private readonly TargetEncoderOptions _options = options ?? new TargetEncoderOptions();

    public string Type => TypeName;

    /// <summary>A target encoder learns from the target, which a feature table does not hold: use it in a <see cref="Models.Pipeline"/>.</summary>
    public IFittedTransform Fit(Table table) => throw new InvalidOperationException(
        "A target encoder learns from the target: put it in a Pipeline, which calls FitTraining with the training target.");

    public TrainingFit FitTraining(Table features, Column? target)
    {
        if (target is null)
            throw LatheException.BadConfig("target_encoder: this task has no target to encode with (clustering, autoencoder); use one_hot or ordinal_encoder.");
        var names = _options.Columns ?? [.. features.Columns.OfType<CategoricalColumn>().Select(c => c.Name)];
        foreach (var name in names)
            if (!features.Contains(name) || features[name] is not CategoricalColumn)
                throw LatheException.BadConfig($"target_encoder: '{name}' is not a categorical input column at this step.");
        var (values, width, classes) = TargetValues(target);
        var all = Enumerable.Range(0, features.RowCount).ToArray();
        var fitted = new FittedTargetEncoder([.. names.Select(n => Statistics((CategoricalColumn)features[n], values, width, all, classes))]);

        // Out-of-fold encoding of the training rows: each fold is encoded by statistics of the other folds.
        var folds = Math.Min(_options.Folds, features.RowCount);
        if (folds < 2) return new TrainingFit(fitted, fitted.Transform(features));
        var foldOf = new int[features.RowCount];
        var order = all.ToArray();
        new Random(_options.Seed).Shuffle(order);
        for (var i = 0; i < order.Length; i++) foldOf[order[i]] = i % folds;
        var encoded = names.ToDictionary(n => n, _ => new float[features.RowCount * width]);
        for (var f = 0; f < folds; f++)
        {
            var inFold = all.Where(r => foldOf[r] == f).ToArray();
            var others = all.Where(r => foldOf[r] != f).ToArray();
            foreach (var name in names)
            {
                var column = (CategoricalColumn)features[name];
                var stats = Statistics(column, values, width, others, classes);
                var codes = column.CodesIn(stats.Categories);
                foreach (var r in inFold)
                    stats.EncodingOf(codes[r]).CopyTo(encoded[name].AsSpan(r * width, width));
            }
        }
        var train = features;
        foreach (var stat in fitted.Columns) train = stat.Replace(train, encoded[stat.Name]);
        return new TrainingFit(fitted, train);
    }

    /// <summary>The target as numbers, row-major with <c>width</c> per row: the value (regression), or class indicators.</summary>
    private static (float[] Values, int Width, string[]? Classes) TargetValues(Column target)
    {
        switch (target)
        {
            case NumericColumn n:
                return (n.Values.ToArray(), 1, null);
            case CategoricalColumn c:
                var classes = c.Categories.ToArray();
                // Two classes need one column: the share of the second class says everything.
                var width = classes.Length <= 2 ? 1 : classes.Length;
                var values = new float[c.Length * width];
                for (var r = 0; r < c.Length; r++)
                {
                    if (width == 1) values[r] = c[r] == 1 ? 1f : 0f;
                    else if (c[r] >= 0) values[r * width + c[r]] = 1f;
                }
                return (values, width, width == 1 ? null : classes);
            default:
                throw LatheException.BadConfig($"target_encoder: the target '{target.Name}' is {target.Kind}; it must be numeric or categorical.");
        }
    }

    private TargetStatistics Statistics(CategoricalColumn column, float[] values, int width, int[] rows, string[]? classes)
    {
        var k = column.Categories.Count;
        var sums = new double[k * width];
        var counts = new int[k];
        var total = new double[width];
        foreach (var r in rows)
        {
            for (var j = 0; j < width; j++) total[j] += values[r * width + j];
            var code = column[r];
            if (code < 0) continue;
            counts[code]++;
            for (var j = 0; j < width; j++) sums[code * width + j] += values[r * width + j];
        }
        var prior = total.Select(t => rows.Length == 0 ? 0f : (float)(t / rows.Length)).ToArray();
        var used = Enumerable.Range(0, k).Where(c => counts[c] > 0).ToArray();
        var encodings = new float[used.Length * width];
        for (var u = 0; u < used.Length; u++)
        {
            var c = used[u];
            for (var j = 0; j < width; j++)
                encodings[u * width + j] = (float)((sums[c * width + j] + _options.Smoothing * prior[j]) / (counts[c] + _options.Smoothing));
        }
        return new TargetStatistics(column.Name, [.. used.Select(c => column.Categories[c])], encodings, prior, classes);
    }
}
