using System.Text.Json.Nodes;
using Lathe.Tuning.Distributions;

namespace Lathe.Experiments.Tuning;

/// <summary>One searched config key: its values, and the choices of other params it depends on (empty: always used).</summary>
public sealed record TuneParam(string Key, ParamDistribution Distribution, IReadOnlyList<TuneCondition> Conditions);

/// <summary>The param is used only when the param <see cref="Key"/> has one of <see cref="Values"/>.</summary>
public sealed record TuneCondition(string Key, IReadOnlyList<JsonNode?> Values);
