using System.Text.Json.Nodes;

namespace Lathe.Prep;

/// <summary>Reads fitted transforms back from model files, by their "type" field.</summary>
public static class TransformFormats
{
    public static IFittedTransform Load(JsonObject json)
    {
        var type = (string?)json["type"];
        return type switch
        {
            Imputer.TypeName => FittedImputer.FromJson(json),
            StandardScaler.TypeName => FittedStandardScaler.FromJson(json),
            OneHotEncoder.TypeName => FittedOneHotEncoder.FromJson(json),
            MinMaxScaler.TypeName or RobustScaler.TypeName => FittedCenterScale.FromJson(json),
            OrdinalEncoder.TypeName => FittedOrdinalEncoder.FromJson(json),
            TargetEncoder.TypeName => FittedTargetEncoder.FromJson(json),
            OutlierClipper.TypeName => FittedOutlierClipper.FromJson(json),
            OutlierFilter.TypeName => FittedOutlierFilter.FromJson(json),
            MissingIndicator.TypeName => FittedMissingIndicator.FromJson(json),
            BagOfWords.TypeName or TfidfVectorizer.TypeName => FittedVocabularyVectorizer.FromJson(json),
            HashingVectorizer.TypeName => FittedHashingVectorizer.FromJson(json),
            _ => throw LatheException.BadData($"model.json: unknown transform type '{type}'; the model was saved by a newer Lathe."),
        };
    }

    internal static float[] Floats(JsonNode? node) => [.. node!.AsArray().Select(v => v is null ? float.NaN : (float)v)];

    internal static JsonArray ToArray(IEnumerable<float> values) =>
        new([.. values.Select(v => float.IsNaN(v) ? null : JsonValue.Create(v))]);

    internal static string[] Strings(JsonNode? node) => [.. node!.AsArray().Select(v => (string)v!)];

    internal static JsonArray ToArray(IEnumerable<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);
}
