using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// TF-IDF: term counts weighted by inverse document frequency, idf(t) = ln((1 + n) / (1 + df(t))) + 1 over the
/// n training texts (smoothed as if one extra text held every term, so no weight is infinite), then each row
/// scaled to unit length (by default). Frequent, uninformative words weigh less than rare, telling ones.
/// </summary>
public sealed class TfidfVectorizer(TextVectorizerOptions options) : ITransform
{
    public const string TypeName = "tfidf";

    public TfidfVectorizer() : this(new TextVectorizerOptions()) { }

    public string Type => TypeName;

    public IFittedTransform Fit(Table table) => FittedVocabularyVectorizer.Fit(TypeName, table, options);
}
