using Lathe.Data;
using Lathe.Text;
using static TorchSharp.torch;

namespace Lathe.Torch.Models;

/// <summary>Turns a text column into a [rows, length] tensor of token ids (characters or words), cut to length and padded with the padding id.</summary>
internal static class TextEncoding
{
    public static Tensor Encode(TextColumn column, ITokenVocabulary vocabulary, int length)
    {
        var padding = vocabulary.Count;
        var ids = new long[column.Length * length];
        Array.Fill(ids, padding);
        for (var r = 0; r < column.Length; r++)
        {
            var encoded = vocabulary.Encode(column[r] ?? "");
            Array.Copy(encoded, 0, ids, r * length, Math.Min(encoded.Length, length));
        }
        return tensor(ids, [column.Length, length]);
    }

    /// <summary>The single text column a text model reads, or a config error naming what is wrong.</summary>
    public static TextColumn InputOf(Table table, IReadOnlyList<string> features, string modelType) =>
        features.Count == 1 && table[features[0]] is TextColumn text
            ? text
            : throw LatheException.BadConfig(
                $"model.type {modelType} reads exactly one text column; the inputs are {string.Join(", ", features.Select(f => $"{f} ({table[f].Kind.ToString().ToLowerInvariant()})"))}. " +
                "Set the other columns to ignore in data.columns, and declare the text column as text if it was read as categorical.");
}
