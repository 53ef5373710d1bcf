using System.Text.Json.Nodes;

namespace Lathe.Tuning.Distributions;

/// <summary>
/// Where a hyperparameter's values come from. Every value has an internal form, a double (a categorical
/// value's index), which samplers work on and storage keeps; <see cref="ToExternal"/> turns it back into the
/// value the objective sees.
/// </summary>
public abstract record ParamDistribution
{
    public abstract object? ToExternal(double internalValue);

    public abstract bool Contains(double internalValue);

    /// <summary>The distribution as JSON, for storage; <see cref="FromJson"/> reads it back.</summary>
    public abstract JsonObject ToJson();

    /// <summary>True when both describe the same values (a parameter keeps one distribution per study).</summary>
    public bool SameAs(ParamDistribution other) => JsonNode.DeepEquals(ToJson(), other.ToJson());

    public static ParamDistribution FromJson(JsonObject json) => (string?)json["type"] switch
    {
        "float" => new FloatDistribution((double)json["low"]!, (double)json["high"]!, (bool)json["log"]!, (double?)json["step"]),
        "int" => new IntDistribution((long)json["low"]!, (long)json["high"]!, (long)json["step"]!, (bool)json["log"]!),
        "categorical" => new CategoricalDistribution([.. ((JsonArray)json["choices"]!).Select(c => c?.DeepClone())]),
        var other => throw new InvalidOperationException($"Unknown distribution type '{other}' in the study storage."),
    };

    public static ParamDistribution Parse(string json) => FromJson((JsonObject)JsonNode.Parse(json)!);
}
