using System.Text;

namespace Lathe.Data;

/// <summary>
/// Decodes UTF-8 words so that repeats share one string: a class column's few names, a million times over, cost a
/// lookup each instead of an allocation each. Long words and words past the first few thousand are decoded as they come.
/// </summary>
internal sealed class WordCache
{
    private const int MaxWords = 4096;
    private const int MaxBytes = 64;
    private readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordCache() => _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes) return Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[MaxBytes];
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (_lookup.TryGetValue(text, out var word)) return word;
        word = new string(text);
        if (_words.Count < MaxWords) _words.Add(word, word);
        return word;
    }
}
