using System.Text.Json.Nodes;

namespace Lathe.Text;

/// <summary>
/// The words of the training texts (see <see cref="WordTokenizer"/>), each with an id: the most frequent
/// first (ties alphabetical), so the same texts always give the same ids. Id 0 stands for any word not in
/// the vocabulary — one first seen at prediction time, or one cut by the size limit.
/// </summary>
public sealed class WordVocabulary : ITokenVocabulary
{
    public const int UnknownId = 0;
    private readonly string[] _words;
    private readonly Dictionary<string, int> _ids;
    private readonly WordTokenizer _tokenizer;

    private WordVocabulary(string[] words, bool lowercase)
    {
        _words = words;
        Lowercase = lowercase;
        _tokenizer = new WordTokenizer(new TokenizerOptions { Lowercase = lowercase });
        _ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++) _ids[words[i]] = i + 1;
    }

    public bool Lowercase { get; }

    /// <summary>Words by id − 1 (id 0 is the unknown marker).</summary>
    public IReadOnlyList<string> Words => _words;

    public int Count => _words.Length + 1;

    /// <param name="maxWords">Keep at most this many words, the most frequent.</param>
    public static WordVocabulary Build(IEnumerable<string?> texts, bool lowercase = true, int maxWords = 20_000)
    {
        if (maxWords < 1) throw LatheException.BadConfig($"the word vocabulary needs room for at least one word, not {maxWords}.");
        var tokenizer = new WordTokenizer(new TokenizerOptions { Lowercase = lowercase });
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var word in tokenizer.Words(text))
                counts[word] = counts.GetValueOrDefault(word) + 1;
        string[] words = [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(maxWords).Select(kv => kv.Key)];
        return new WordVocabulary(words, lowercase);
    }

    public long[] Encode(string text) => [.. _tokenizer.Words(text).Select(w => (long)_ids.GetValueOrDefault(w, UnknownId))];

    public JsonArray ToJson() => new([.. _words.Select(w => JsonValue.Create(w))]);

    public static WordVocabulary FromJson(JsonArray words, bool lowercase) => new([.. words.Select(w => (string)w!)], lowercase);
}
