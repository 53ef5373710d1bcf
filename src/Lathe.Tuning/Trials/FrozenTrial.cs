using Lathe.Tuning.Distributions;

namespace Lathe.Tuning.Trials;

/// <summary>A trial as read from storage: its number in the study, state, value, params and reports.</summary>
public sealed record FrozenTrial
{
    /// <summary>Storage-wide id.</summary>
    public required long Id { get; init; }

    /// <summary>0-based number within its study, never reused.</summary>
    public required int Number { get; init; }

    public required TrialState State { get; init; }

    /// <summary>The objective's value (complete trials; a pruned trial keeps its last reported value).</summary>
    public double? Value { get; init; }

    /// <summary>Internal values (a categorical's index) by param name.</summary>
    public IReadOnlyDictionary<string, double> InternalParams { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, ParamDistribution> Distributions { get; init; } = new Dictionary<string, ParamDistribution>();

    /// <summary>Values reported per step (epoch, round).</summary>
    public IReadOnlyDictionary<int, double> IntermediateValues { get; init; } = new SortedDictionary<int, double>();

    /// <summary>Free-form values the objective attached, stored as JSON text.</summary>
    public IReadOnlyDictionary<string, string> UserAttrs { get; init; } = new Dictionary<string, string>();

    public string? Worker { get; init; }

    /// <summary>Unix seconds (storage clock).</summary>
    public double? StartedAt { get; init; }

    public double? CompletedAt { get; init; }

    /// <summary>A param's value as the objective saw it (a choice as its JSON node).</summary>
    public object? Param(string name) => Distributions[name].ToExternal(InternalParams[name]);

    /// <summary>Params as the objective saw them, in name order.</summary>
    public IReadOnlyDictionary<string, object?> Params =>
        InternalParams.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Param(p.Key));

    /// <summary>The last reported step's value, or null.</summary>
    public double? LastIntermediate => IntermediateValues.Count == 0 ? null : IntermediateValues[IntermediateValues.Keys.Max()];
}
