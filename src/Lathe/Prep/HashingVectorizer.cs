using Lathe.Data;

namespace Lathe.Prep;

/// <summary>
/// The hashing trick: each term goes to bucket FNV-1a(term) mod <see cref="TextVectorizerOptions.HashFeatures"/>,
/// with no vocabulary to learn or store, so any word (also one first seen at prediction time) has a place.
/// Distinct terms can share a bucket. The hash is stable across processes and machines (see <see cref="Text.Fnv1aHash"/>).
/// </summary>
public sealed class HashingVectorizer(TextVectorizerOptions options) : ITransform
{
    public const string TypeName = "hashing";

    public HashingVectorizer() : this(new TextVectorizerOptions()) { }

    public string Type => TypeName;

    public IFittedTransform Fit(Table table)
    {
        options.Validate();
        return new FittedHashingVectorizer(options, TextInputs.ColumnsOf(table, options.Columns, TypeName));
    }
}
