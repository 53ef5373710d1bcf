using System.Text.Json.Nodes;

namespace Lathe.Text;

/// <summary>
/// The characters of a training text, each with an id (sorted by code point, so the same text always
/// gives the same ids). Id 0 stands for any character not seen in training.
/// </summary>
public sealed class CharacterVocabulary : ITokenVocabulary
{
    public const int UnknownId = 0;
    private readonly string[] _symbols;
    private readonly Dictionary<string, int> _ids;

    private CharacterVocabulary(string[] symbols)
    {
        _symbols = symbols;
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < symbols.Length; i++) _ids[symbols[i]] = i;
    }

    /// <summary>Symbols by id; index 0 is the unknown marker.</summary>
    public IReadOnlyList<string> Symbols => _symbols;

    public int Count => _symbols.Length;

    /// <summary>Builds the vocabulary of <paramref name="text"/> (text elements, so surrogate pairs stay whole).</summary>
    public static CharacterVocabulary Build(string text)
    {
        var symbols = Elements(text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new CharacterVocabulary(["\uFFFD", .. symbols]);
    }

    public long[] Encode(string text) => [.. Elements(text).Select(e => (long)_ids.GetValueOrDefault(e, UnknownId))];

    public string Decode(IEnumerable<long> ids) => string.Concat(ids.Select(id => _symbols[(int)id]));

    public JsonArray ToJson() => new([.. _symbols.Skip(1).Select(s => JsonValue.Create(s))]);

    public static CharacterVocabulary FromJson(JsonArray json) => new(["\uFFFD", .. json.Select(s => (string)s!)]);

    private static IEnumerable<string> Elements(string text)
    {
        for (var i = 0; i < text.Length; i++)
            yield return char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? text.Substring(i++, 2) : text[i].ToString();
    }
}
