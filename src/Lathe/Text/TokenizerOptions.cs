namespace Lathe.Text;

/// <summary>
/// How <see cref="WordTokenizer"/> cuts text into terms. A word is a run of Unicode letters and digits;
/// everything else separates words. N-grams join neighbouring words with one space.
/// </summary>
public sealed record TokenizerOptions
{
    /// <summary>Fold case (invariant culture), so "Free" and "free" are one term.</summary>
    public bool Lowercase { get; init; } = true;

    /// <summary>Shortest n-gram (1: single words).</summary>
    public int NgramMin { get; init; } = 1;

    /// <summary>Longest n-gram (2 adds word pairs such as "free money").</summary>
    public int NgramMax { get; init; } = 1;

    public void Validate()
    {
        if (NgramMin < 1) throw LatheException.BadConfig($"ngram_min must be at least 1, not {NgramMin}.");
        if (NgramMax < NgramMin) throw LatheException.BadConfig($"ngram_max ({NgramMax}) must be at least ngram_min ({NgramMin}).");
    }
}
