using Lathe.Text;

namespace Lathe.Prep;

/// <summary>How a row's term values are scaled after counting.</summary>
public enum TextNorm
{
    /// <summary>Raw values.</summary>
    None,
    /// <summary>Each row divided by its Euclidean length, so long and short texts are comparable.</summary>
    L2,
}

/// <summary>
/// Options of the text vectorizers (<see cref="BagOfWords"/>, <see cref="TfidfVectorizer"/>, <see cref="HashingVectorizer"/>).
/// Each text column becomes one vector column of the same name, one value per term (or hash bucket).
/// </summary>
public sealed record TextVectorizerOptions
{
    /// <summary>The columns to turn into term vectors; null: every text column.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    public TokenizerOptions Tokenizer { get; init; } = new();

    /// <summary>bag_of_words and tfidf: which terms are counted.</summary>
    public VocabularyOptions Vocabulary { get; init; } = new();

    /// <summary>Count a term once per text however often it occurs.</summary>
    public bool Binary { get; init; }

    /// <summary>tfidf: use 1 + ln(count) instead of the count, so a word repeated ten times does not weigh ten times as much.</summary>
    public bool SublinearTf { get; init; }

    /// <summary>Row scaling; null: the vectorizer's default (none for bag_of_words, l2 for tfidf and hashing).</summary>
    public TextNorm? Norm { get; init; }

    /// <summary>hashing: the vector width (hash buckets). Values are stored densely: rows × width × 4 bytes.</summary>
    public int HashFeatures { get; init; } = 1024;

    /// <summary>hashing: give half of the buckets' terms a negative sign, so colliding terms tend to cancel instead of adding up.</summary>
    public bool AlternateSign { get; init; } = true;

    public void Validate()
    {
        Tokenizer.Validate();
        Vocabulary.Validate();
        if (HashFeatures < 1) throw LatheException.BadConfig($"features (hash buckets) must be at least 1, not {HashFeatures}.");
    }
}
