using System.Text.Json.Nodes;

namespace Lathe.Text;

/// <summary>
/// Turns a text into a sequence of token ids for a sequence model. Id 0 stands for a token not seen in
/// training; ids run from 0 to <see cref="Count"/> − 1, so <see cref="Count"/> is free for padding.
/// </summary>
public interface ITokenVocabulary
{
    /// <summary>Ids in use, the unknown id 0 included.</summary>
    int Count { get; }

    long[] Encode(string text);

    /// <summary>The tokens by id, without the unknown marker (id 0): what a model file stores.</summary>
    JsonArray ToJson();
}
