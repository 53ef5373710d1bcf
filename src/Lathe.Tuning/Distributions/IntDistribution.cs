using System.Text.Json.Nodes;

namespace Lathe.Tuning.Distributions;

/// <summary>A whole number in [Low, High], a multiple of <see cref="Step"/> above Low; log-uniform with <see cref="Log"/> (step 1).</summary>
public sealed record IntDistribution : ParamDistribution
{
    public IntDistribution(long low, long high, long step = 1, bool log = false)
    {
        if (low > high) throw LatheException.BadConfig($"an int range needs low <= high, not [{low}, {high}].");
        if (step < 1) throw LatheException.BadConfig($"an int step must be at least 1, not {step}.");
        if (log && (low < 1 || step != 1)) throw LatheException.BadConfig("a log int range needs low >= 1 and step 1.");
        (Low, High, Step, Log) = (low, high, step, log);
    }

    public long Low { get; }
    public long High { get; }
    public long Step { get; }
    public bool Log { get; }

    /// <summary>The highest value on the step grid.</summary>
    public long Top => Low + (High - Low) / Step * Step;

    public override object? ToExternal(double internalValue) => (long)Math.Round(internalValue);

    public override bool Contains(double internalValue) =>
        internalValue >= Low && internalValue <= High && ((long)Math.Round(internalValue) - Low) % Step == 0;

    /// <summary>Rounds to the nearest value on the grid.</summary>
    public long Snap(double value) => Math.Clamp(Low + (long)Math.Round((value - Low) / Step) * Step, Low, Top);

    /// <summary>Every value, for a grid.</summary>
    public IEnumerable<long> Values()
    {
        for (var v = Low; v <= High; v += Step) yield return v;
    }

    public override JsonObject ToJson() => new() { ["type"] = "int", ["low"] = Low, ["high"] = High, ["step"] = Step, ["log"] = Log };
}
