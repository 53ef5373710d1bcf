using Lathe.Experiments.Config;
using Lathe.Tuning.Distributions;

namespace Lathe.Experiments.Tuning;

/// <summary>
/// Refuses a tune.space param under model.* that no model type of the study reads (see <see cref="ModelKeyUse"/>):
/// every trial would ignore it, and the search would spend its budget on a knob that does nothing.
/// The types a param can meet are the base config's model.type, or the choices of a model.type param in the space
/// (narrowed by the param's own `when: { model.type: [...] }`).
/// </summary>
internal static class UnreadSpaceParams
{
    public static void Check(TuneSpace space, string baseType, string source)
    {
        var typeParam = space.Params.FirstOrDefault(p => p.Key == "model.type");
        foreach (var p in space.Params.Where(p => p.Key.StartsWith("model.", StringComparison.Ordinal) && p.Key != "model.type"))
        {
            if (!ModelKeyUse.Readers.TryGetValue(p.Key["model.".Length..], out var readers)) continue;
            var types = TypesOf(p, typeParam, baseType);
            if (types.Contains("auto") || types.Any(readers.Contains)) continue;
            throw LatheException.BadConfig(
                $"{source}: tune.space.{p.Key}: model.type {string.Join(" / ", types)} never reads {p.Key} (read by {string.Join(", ", readers)}), " +
                "so every trial would ignore it. Remove it from tune.space, or add the model type that reads it (with `when: { model.type: [...] }` " +
                "when the space chooses among types).");
        }
    }

    private static IReadOnlyList<string> TypesOf(TuneParam param, TuneParam? typeParam, string baseType)
    {
        if (typeParam?.Distribution is not CategoricalDistribution choices) return [baseType];
        var allowed = param.Conditions.FirstOrDefault(c => c.Key == "model.type")?.Values ?? choices.Choices;
        return [.. allowed.Select(CategoricalDistribution.Text)];
    }
}
