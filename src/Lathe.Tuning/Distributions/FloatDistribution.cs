using System.Text.Json.Nodes;

namespace Lathe.Tuning.Distributions;

/// <summary>A real number in [Low, High]; uniform, or log-uniform with <see cref="Log"/>; a multiple of <see cref="Step"/> above Low when given.</summary>
public sealed record FloatDistribution : ParamDistribution
{
    public FloatDistribution(double low, double high, bool log = false, double? step = null)
    {
        if (!(low <= high)) throw LatheException.BadConfig($"a float range needs low <= high, not [{low}, {high}].");
        if (log && low <= 0) throw LatheException.BadConfig($"a log-uniform range needs low > 0, not {low}.");
        if (step is { } s && (s <= 0 || log)) throw LatheException.BadConfig("a float step must be positive and cannot be combined with log.");
        (Low, High, Log, Step) = (low, high, log, step);
    }

    public double Low { get; }
    public double High { get; }
    public bool Log { get; }
    public double? Step { get; }

    public override object? ToExternal(double internalValue) => internalValue;

    public override bool Contains(double internalValue) => internalValue >= Low && internalValue <= High;

    /// <summary>Rounds to the step grid and clips into range.</summary>
    public double Snap(double value)
    {
        if (Step is { } s) value = Low + Math.Round((value - Low) / s) * s;
        return Math.Clamp(value, Low, High);
    }

    public override JsonObject ToJson() => new() { ["type"] = "float", ["low"] = Low, ["high"] = High, ["log"] = Log, ["step"] = Step };
}
