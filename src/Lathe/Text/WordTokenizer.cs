using System.Text;

namespace Lathe.Text;

/// <summary>
/// Splits text into words (runs of Unicode letters and digits, so "naïve", "東京" and "3g" are words) and
/// optionally n-grams of them. Deterministic: the same text always gives the same terms in the same order.
/// </summary>
public sealed class WordTokenizer(TokenizerOptions options)
{
    public WordTokenizer() : this(new TokenizerOptions()) { }

    public TokenizerOptions Options => options;

    /// <summary>The words of <paramref name="text"/>, in order (empty for null or text without letters or digits).</summary>
    public List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || (word.Length > 0 && IsMark(rune)))
            {
                word.Append((options.Lowercase ? Rune.ToLowerInvariant(rune) : rune).ToString());
                continue;
            }
            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    /// <summary>The terms of <paramref name="text"/>: its n-grams from <see cref="TokenizerOptions.NgramMin"/> to <see cref="TokenizerOptions.NgramMax"/> words.</summary>
    public List<string> Terms(string? text)
    {
        var words = Words(text);
        if (options is { NgramMin: 1, NgramMax: 1 }) return words;
        var terms = new List<string>();
        for (var n = options.NgramMin; n <= options.NgramMax; n++)
            for (var start = 0; start + n <= words.Count; start++)
                terms.Add(n == 1 ? words[start] : string.Join(' ', words.GetRange(start, n)));
        return terms;
    }

    // Combining marks (an accent typed as its own code point) belong to the word they follow.
    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
