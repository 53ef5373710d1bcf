using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// Bag of words: learns the vocabulary of each text column from the training rows and turns each text into
/// its term counts, one vector column of the same name with a value per vocabulary term. Terms never seen
/// in training are ignored.
/// </summary>
public sealed class BagOfWords(TextVectorizerOptions options) : ITransform
{
    public const string TypeName = "bag_of_words";

    public BagOfWords() : this(new TextVectorizerOptions()) { }

    public string Type => TypeName;

    public IFittedTransform Fit(Table table) => FittedVocabularyVectorizer.Fit(TypeName, table, options);
}
