namespace Lathe.Experiments.Config;

/// <summary>
/// data.text: turns text columns into word features for tabular models (docs/text-features.md).
/// Absent: text columns are not vectorized (a tabular model then refuses them).
/// </summary>
public sealed class TextConfig
{
    /// <summary>tfidf, bag_of_words or hashing.</summary>
    public string Vectorizer { get; set; } = "tfidf";

    /// <summary>The columns to vectorize (they are read as text); absent: every text column.</summary>
    public List<string>? Columns { get; set; }

    public bool Lowercase { get; set; } = true;

    /// <summary>Shortest and longest n-gram, e.g. [1, 2] for words and word pairs.</summary>
    public List<int> Ngrams { get; set; } = [1, 1];

    /// <summary>tfidf, bag_of_words: a term must occur in at least this many training texts.</summary>
    public int MinDf { get; set; } = 1;

    /// <summary>tfidf, bag_of_words: terms in more than this share of the training texts are dropped.</summary>
    public double MaxDf { get; set; } = 1.0;

    /// <summary>tfidf, bag_of_words: most terms kept, the most frequent first.</summary>
    public int MaxFeatures { get; set; } = 5000;

    /// <summary>Count a term once per text.</summary>
    public bool Binary { get; set; }

    /// <summary>tfidf: 1 + ln(count) instead of the count.</summary>
    public bool SublinearTf { get; set; }

    /// <summary>l2 or none; absent: none for bag_of_words, l2 for tfidf and hashing.</summary>
    public string? Norm { get; set; }

    /// <summary>hashing: vector width (hash buckets).</summary>
    public int Features { get; set; } = 1024;

    /// <summary>hashing: alternate the sign of terms so collisions tend to cancel.</summary>
    public bool AlternateSign { get; set; } = true;
}
