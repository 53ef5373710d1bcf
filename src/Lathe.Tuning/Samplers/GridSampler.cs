using Lathe.Tuning.Distributions;
using Lathe.Tuning.Storage;
using Lathe.Tuning.Studies;

namespace Lathe.Tuning.Samplers;

/// <summary>
/// Tries every point of a grid exactly once across all workers: the points go into the study's queue once (the
/// storage remembers that they were queued), and each worker takes queued trials until none is left.
/// </summary>
public sealed class GridSampler : ISampler
{
    public GridSampler(IReadOnlyList<IReadOnlyList<QueuedParam>> points)
    {
        if (points.Count == 0) throw LatheException.BadConfig("a grid needs at least one point.");
        Points = points;
    }

    public IReadOnlyList<IReadOnlyList<QueuedParam>> Points { get; }

    /// <summary>Every combination of the values of these params (categorical choices, int values, stepped floats).</summary>
    public static GridSampler Product(IReadOnlyDictionary<string, ParamDistribution> space)
    {
        IEnumerable<List<QueuedParam>> points = [[]];
        foreach (var (name, distribution) in space.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var values = ValuesOf(name, distribution);
            points = points.SelectMany(p => values.Select(v => new List<QueuedParam>(p) { new(name, v, distribution) }));
        }
        return new GridSampler([.. points]);
    }

    public static IReadOnlyList<double> ValuesOf(string name, ParamDistribution distribution) => distribution switch
    {
        CategoricalDistribution c => [.. Enumerable.Range(0, c.Choices.Count).Select(i => (double)i)],
        IntDistribution i => [.. i.Values().Select(v => (double)v)],
        FloatDistribution { Step: { } s } f => [.. Enumerable.Range(0, (int)Math.Floor((f.High - f.Low) / s + 1e-9) + 1).Select(k => f.Snap(f.Low + k * s))],
        _ => throw LatheException.BadConfig($"{name}: a grid needs a choice, an int range or a float range with a step; a continuous range has no grid."),
    };

    /// <summary>A fingerprint of the grid, so a study that was queued with another grid is not mixed up with this one.</summary>
    public string Key => "grid:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
        string.Join("|", Points.Select(p => string.Join(",", p.Select(q => $"{q.Name}={q.Value:R}/{q.Distribution.ToJson().ToJsonString()}")))))))[..16];

    public bool QueuedOnly => true;

    public void Prepare(Study study) => study.Storage.EnqueueOnce(study.Id, Key, Points);

    public double Sample(SamplingContext context, string name, ParamDistribution distribution) =>
        throw LatheException.BadConfig($"{name}: this param is not in the grid; a grid study can only ask for the params it was given.");
}
