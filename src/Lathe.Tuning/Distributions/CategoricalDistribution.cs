using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lathe.Tuning.Distributions;

/// <summary>
/// One of a list of choices: any JSON value (text, number, true/false, null, or a list such as [128, 64]).
/// The internal value is the index of the choice.
/// </summary>
public sealed record CategoricalDistribution : ParamDistribution
{
    public CategoricalDistribution(IReadOnlyList<JsonNode?> choices)
    {
        if (choices.Count == 0) throw LatheException.BadConfig("a choice needs at least one value.");
        Choices = choices;
    }

    public IReadOnlyList<JsonNode?> Choices { get; }

    /// <summary>Choices from C# values (strings, numbers, booleans, arrays), serialized as JSON.</summary>
    public static CategoricalDistribution Of<T>(IEnumerable<T> choices) =>
        new([.. choices.Select(c => JsonSerializer.SerializeToNode(c))]);

    public override object? ToExternal(double internalValue) => Choices[(int)internalValue];

    /// <summary>The choice at an internal value, as the C# type it was given as.</summary>
    public T ValueAs<T>(double internalValue) => Choices[(int)internalValue] is { } node ? node.Deserialize<T>()! : default!;

    public override bool Contains(double internalValue) =>
        internalValue >= 0 && internalValue < Choices.Count && internalValue == Math.Floor(internalValue);

    /// <summary>The index of a choice, or -1.</summary>
    public int IndexOf(JsonNode? value)
    {
        for (var i = 0; i < Choices.Count; i++)
            if (JsonNode.DeepEquals(Choices[i], value)) return i;
        return -1;
    }

    public override JsonObject ToJson() => new() { ["type"] = "categorical", ["choices"] = new JsonArray([.. Choices.Select(c => c?.DeepClone())]) };

    /// <summary>A choice as short text, for leaderboards and logs.</summary>
    public static string Text(JsonNode? choice) => choice switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => choice.ToJsonString(),
    };
}
